package org.veritycms.media;

import java.util.Locale;

/** File sizes as people read them. */
public final class Sizes {

    private Sizes() {
    }

    public static String words(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mib = bytes / (1024.0 * 1024.0);
            return (mib == Math.rint(mib) ? String.format(Locale.ROOT, "%.0f", mib) : String.format(Locale.ROOT, "%.1f", mib)) + " MiB";
        }
        if (bytes >= 1024) {
            return (bytes + 1023) / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
