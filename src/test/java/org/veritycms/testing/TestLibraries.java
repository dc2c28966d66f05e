package org.veritycms.testing;

import java.io.File;
import java.net.URISyntaxException;

/** The jar a test-only library came from, to add it to an in-container test's archive (jsoup, for parsing pages). */
public final class TestLibraries {

    private TestLibraries() {
    }

    public static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
