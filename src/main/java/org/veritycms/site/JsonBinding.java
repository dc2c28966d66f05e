package org.veritycms.site;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.math.BigDecimal;

/**
 * The one JSON-B instance every API request and answer goes through. Without it the server's
 * JSON-B provider builds a new instance for each message, and each new instance studies every
 * class it meets again: that was most of the time an API call took.
 *
 * <p>Whole-number fields take whole numbers only: JSON-B on its own reads {@code 1.5} as 1 and a
 * number beyond the type's range as whatever its low bits say, so a version check could pass on a
 * number nobody sent; and it reads {@code 12} or {@code true} into a text field as "12" or "true".
 * Such a body is refused as invalid, naming the field.
 */
@Provider
@ApplicationScoped
public class JsonBinding implements ContextResolver<Jsonb> {

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withDeserializers(new WholeLong(), new WholeInteger(), new Text()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }

    @PreDestroy
    void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing is left to release when the application stops
        }
    }

    /** A value of the wrong JSON type for its field: a fraction or an out-of-range number for a whole number, a number or boolean for text. */
    public static final class WrongType extends JsonbException {
        private static final long serialVersionUID = 1L;

        WrongType(String message) {
            super(message);
        }
    }

    /** The number the parser stands on, when it is whole and from min to max; else {@link WrongType}. */
    static BigDecimal wholeNumber(JsonParser parser, long min, long max) {
        boolean whole;
        try {
            whole = parser.isIntegralNumber();
        } catch (IllegalStateException notANumber) {
            whole = false;
        }
        BigDecimal value = whole ? parser.getBigDecimal() : null;
        if (value == null || value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new WrongType("must be a whole number from " + min + " to " + max);
        }
        return value;
    }

    static final class WholeLong implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return wholeNumber(parser, Long.MIN_VALUE, Long.MAX_VALUE).longValueExact();
        }
    }

    static final class WholeInteger implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return wholeNumber(parser, Integer.MIN_VALUE, Integer.MAX_VALUE).intValueExact();
        }
    }

    static final class Text implements JsonbDeserializer<String> {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context, Type type) {
            JsonValue value = parser.getValue();
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                return null;
            }
            if (value instanceof JsonString text) {
                return text.getString();
            }
            throw new WrongType("must be text (a JSON string)");
        }
    }
}
