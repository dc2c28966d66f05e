package org.veritycms.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's signing key: {@code verity.secret} when configured, otherwise generated on first
 * start and kept in the database, so every node of a cluster signs alike. Never logged.
 */
@ApplicationScoped
public class ServerSecret {

    private static final String NAME = "signing-key";

    @Resource(lookup = "java:jboss/datasources/VerityNonJtaDS")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "verity.secret")
    Optional<String> configured;

    @Inject
    Clock clock;

    private volatile byte[] key;
    /** A keyed MAC that each signature clones (cheaper than looking the algorithm up every time). */
    private volatile Mac keyed;

    /** HMAC-SHA256 of the text, URL-safe base64 without padding. */
    public String sign(String text) {
        try {
            Mac mac = (Mac) keyedMac().clone();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }

    private Mac keyedMac() throws GeneralSecurityException {
        Mac mac = keyed;
        if (mac == null) {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            keyed = mac;
        }
        return mac;
    }

    /** Whether the signature belongs to the text, compared in constant time. */
    public boolean verify(String text, String signature) {
        return signature != null && MessageDigest.isEqual(sign(text).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] key() {
        byte[] k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = configured.filter(s -> s.length() >= 32).map(s -> s.getBytes(StandardCharsets.UTF_8))
                            .orElseGet(this::storedKey);
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] storedKey() {
        try (Connection c = dataSource.getConnection()) {
            Optional<String> existing = read(c);
            if (existing.isEmpty()) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                try (PreparedStatement insert = c.prepareStatement(
                        "insert into server_secret (name, secret, created_at) values (?, ?, ?)")) {
                    insert.setString(1, NAME);
                    insert.setString(2, Base64.getEncoder().encodeToString(fresh));
                    insert.setTimestamp(3, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                } catch (SQLException raced) {
                    // another node created it first: use theirs
                }
                existing = read(c);
            }
            return Base64.getDecoder().decode(existing.orElseThrow());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the server secret", e);
        }
    }

    private static Optional<String> read(Connection c) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select secret from server_secret where name = ?")) {
            q.setString(1, NAME);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }
}
