package org.veritycms.testing;

import java.io.File;
import java.util.Arrays;

/** Jars from the test class path that an in-container test needs inside the deployment. */
public final class Libraries {

    private Libraries() {
    }

    /** The jar on the class path whose file name starts with the prefix, e.g. {@code greenmail-2}. */
    public static File jar(String prefix) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new)
                .filter(f -> f.getName().startsWith(prefix) && f.getName().endsWith(".jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No " + prefix + "*.jar on the test class path"));
    }
}
