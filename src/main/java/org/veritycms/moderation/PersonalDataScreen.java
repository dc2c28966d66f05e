package org.veritycms.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Readers sometimes post their own (or someone else's) e-mail address, phone number or NHS
 * number. Any of these holds the comment for a person, who can remove it before it is public.
 */
public final class PersonalDataScreen implements CommentScreen {

    public static final String NAME = "personal-data";

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    /** A run of 9 to 14 digits, with the spaces, dots, hyphens and brackets people write numbers with. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d])\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){8,13}(?!\\d)");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict screen(Submission submission) {
        String text = submission.allText();
        List<String> found = new ArrayList<>();
        if (EMAIL.matcher(text).find()) {
            found.add("an e-mail address");
        }
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String raw = run.group();
            String digits = raw.replaceAll("\\D", "");
            if (digits.length() == 10 && isNhsNumber(digits)) {
                add(found, "an NHS number");
            } else if (raw.startsWith("+") || digits.startsWith("0")) {
                add(found, "a phone number");
            }
        }
        return found.isEmpty() ? Verdict.pass(NAME) : Verdict.flag(NAME, "Contains what looks like " + String.join(" and ", found) + ".");
    }

    private static void add(List<String> found, String what) {
        if (!found.contains(what)) {
            found.add(what);
        }
    }

    /** NHS numbers end in a modulus 11 check digit. */
    static boolean isNhsNumber(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (tenDigits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == tenDigits.charAt(9) - '0';
    }
}
