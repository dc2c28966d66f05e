package org.veritycms.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * E-mail addresses as staff other than administrators see them: enough to tell two apart
 * ({@code s***@e***.org}), not enough to write to a reader.
 */
public final class EmailMask {

    private EmailMask() {
    }

    /** One address or a comma-separated list, masked; null stays null. */
    public static String masked(String addresses) {
        if (addresses == null || addresses.isBlank()) {
            return addresses;
        }
        return Arrays.stream(addresses.split(",")).map(String::strip).map(EmailMask::one).collect(Collectors.joining(", "));
    }

    private static String one(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return "***";
        }
        String domain = address.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String ending = dot > 0 ? domain.substring(dot) : "";
        return address.charAt(0) + "***@" + domain.charAt(0) + "***" + ending;
    }
}
