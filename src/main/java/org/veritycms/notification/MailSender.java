package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.veritycms.shared.DataFolder;

/**
 * Delivers one message: through SMTP when {@code verity.mail.smtp.host} is set, otherwise as an
 * {@code .eml} file under the data folder's {@code mail/} (the default on a fresh machine).
 */
@ApplicationScoped
public class MailSender {

    @Inject
    @ConfigProperty(name = "verity.mail.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "verity.mail.smtp.port", defaultValue = "25")
    int port;

    @Inject
    @ConfigProperty(name = "verity.mail.smtp.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "verity.mail.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "verity.mail.smtp.starttls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "verity.mail.from", defaultValue = "Verity <no-reply@localhost>")
    String from;

    @Inject
    DataFolder data;

    public void send(Notification n) throws MessagingException, IOException {
        Session session = session();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(n.recipient(), true));
        message.setSubject(n.subject(), "UTF-8");
        message.setText(n.body(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Verity-Kind", n.kind());
        int unsubscribe = n.body().indexOf("Unsubscribe: ");
        if (unsubscribe >= 0) {
            String link = n.body().substring(unsubscribe + 13).lines().findFirst().orElse("").strip();
            message.setHeader("List-Unsubscribe", "<" + link + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (host.filter(h -> !h.isBlank()).isPresent()) {
            if (username.isPresent()) {
                Transport.send(message, username.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
        } else {
            Path file = data.resolve("mail").resolve(n.id() + "-" + n.kind().toLowerCase() + ".eml");
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
        }
    }

    /**
     * Whether a failed send was refused for good: an address that cannot be parsed, or the SMTP
     * server answering 5xx (unknown recipient, message rejected). Anything else, such as the server
     * being down or answering 4xx, is worth trying again later.
     */
    static boolean isRefusal(Exception failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof AddressException) {
                return true;
            }
            try {
                Object code = t.getClass().getMethod("getReturnCode").invoke(t);
                if (code instanceof Integer reply && reply >= 500 && reply < 600) {
                    return true;
                }
            } catch (ReflectiveOperationException notAnSmtpReply) {
                // an exception without an SMTP reply code
            }
        }
        return false;
    }

    /** What went wrong, as the mail server said it: each message of the chain once, e.g. "Invalid Addresses; 550 5.1.1 user unknown". */
    static String reason(Exception failure) {
        Set<String> said = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && said.size() < 5; t = next(t)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                said.add(t.getMessage().strip());
            }
        }
        return said.isEmpty() ? failure.getClass().getSimpleName() : String.join("; ", said);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    /** Where messages go, for the admin view. */
    public String destination() {
        return host.filter(h -> !h.isBlank()).map(h -> "SMTP " + h + ":" + port)
                .orElseGet(() -> "files in " + data.resolve("mail"));
    }

    private Session session() {
        Properties props = new Properties();
        host.ifPresent(h -> props.put("mail.smtp.host", h));
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        props.put("mail.smtp.writetimeout", "10000");
        if (username.isPresent()) {
            props.put("mail.smtp.auth", "true");
        }
        if (startTls) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        return Session.getInstance(props);
    }
}
