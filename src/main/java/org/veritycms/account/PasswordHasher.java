package org.veritycms.account;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 (a NIST-approved key derivation function), a random
 * salt per password and the iteration count stored with the hash so it can be raised later:
 * {@code pbkdf2-sha256$iterations$salt$hash}.
 */
@ApplicationScoped
public class PasswordHasher {

    static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    public static final int MIN_LENGTH = 12;

    /**
     * Compared against when the username is unknown, so timing does not reveal which accounts exist:
     * a check derives the key with the stored iteration count whatever the salt and hash, so this
     * costs what a real check costs and matches no password. A constant, so that neither this bean
     * nor its container's proxy of it spends a derivation on making one.
     */
    static final String DECOY = PREFIX + "$" + ITERATIONS + "$" + b64(new byte[SALT_BYTES]) + "$" + b64(new byte[HASH_BITS / 8]);

    private final SecureRandom random = new SecureRandom();

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return PREFIX + "$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    public boolean matches(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /** Spends the same time as a real check, for unknown usernames. */
    public void burn(String password) {
        matches(password, DECOY);
    }

    /** Why a new password is not acceptable, or null when it is. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "A password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.length() > 200) {
            return "A password may not be longer than 200 characters";
        }
        if (password.chars().distinct().count() < 5) {
            return "A password needs more variety than that";
        }
        return null;
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is missing from this JVM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
