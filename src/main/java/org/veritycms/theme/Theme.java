package org.veritycms.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** One theme folder: {@code theme.properties}, {@code templates/}, {@code messages/}, {@code static/}. */
public record Theme(String name, String parent, Path root) {

    public static Theme load(Path root) {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(root.resolve("theme.properties"))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + root.resolve("theme.properties"), e);
        }
        String name = props.getProperty("name", root.getFileName().toString()).strip();
        String parent = props.getProperty("parent", "").strip();
        return new Theme(name, parent.isEmpty() ? null : parent, root);
    }

    public Path templates() {
        return root.resolve("templates");
    }

    public Path messages() {
        return root.resolve("messages").resolve("messages.properties");
    }

    public Path staticFiles() {
        return root.resolve("static");
    }
}
