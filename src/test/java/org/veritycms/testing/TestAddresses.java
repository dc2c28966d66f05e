package org.veritycms.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Client addresses for in-container tests. The test server trusts its own loopback address as a
 * proxy ({@code verity.proxies.trusted} in {@code arquillian.xml}), so a request that names an
 * address in {@code X-Forwarded-For} comes from there: tests can play distinct people, or many
 * people behind one address, without sharing the limits of every other test's requests.
 */
public final class TestAddresses {

    public static final String HEADER = "X-Forwarded-For";

    private TestAddresses() {
    }

    /** A new address, most likely seen by no other test in this run (10.0.0.0/8). */
    public static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }
}
