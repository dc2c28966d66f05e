package org.veritycms.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The addresses a page may link or embed: http and https addresses with a host, and paths on this
 * site. Anything else ({@code javascript:}, {@code data:}, protocol-relative {@code //host}) would
 * run or load something no reviewer saw, in the page, its feed and its structured data.
 */
public final class WebAddress {

    /** The same rule as a Bean Validation pattern, for input forms and the API. */
    public static final String PATTERN = "(?i)(https?://[^\\s/?#]+[^\\s]*|/(?![/\\\\])[^\\s]*)";

    private static final Pattern ALLOWED = Pattern.compile(PATTERN);

    private WebAddress() {
    }

    public static boolean isAllowed(String address) {
        if (address == null || !ALLOWED.matcher(address).matches()) {
            return false;
        }
        try {
            URI uri = new URI(address);
            String scheme = uri.getScheme();
            return scheme == null ? address.startsWith("/")
                    : (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"))
                            && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The address, or an IllegalArgumentException naming what it belongs to. */
    static String require(String address, String what) {
        if (!isAllowed(address)) {
            throw new IllegalArgumentException(what + " must be an http or https address or a path on this site");
        }
        return address;
    }
}
