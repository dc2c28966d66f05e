package org.veritycms.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
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
