package org.veritycms.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person could have typed: no control characters (a bell, a NUL, an escape) that no reader
 * can see but that break feeds, e-mail and logs. Line breaks and tabs are allowed where
 * {@link #multiline()} says so.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String message() default "must not contain control characters";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks one value; null is left to other constraints. */
    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isPlain(value, multiline);
        }

        /** Whether the text holds no control character (but line breaks and tabs when multi-line). */
        public static boolean isPlain(String value, boolean multiline) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean control = c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFFFE || c == 0xFFFF;
                if (control && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
                    return false;
                }
            }
            return true;
        }
    }
}
