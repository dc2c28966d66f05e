package org.veritycms.quality;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nu.validator.client.EmbeddedValidator;

/** The Nu HTML Checker, run in this JVM on a rendered page: its errors, each with line and message. */
public final class HtmlChecker {

    private HtmlChecker() {
    }

    /** The checker's errors (warnings and info are left out) for one HTML document. */
    public static List<String> errors(String html) {
        try {
            EmbeddedValidator validator = new EmbeddedValidator();
            validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
            validator.setNoLangDetect(true);
            String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            JsonObject json;
            try (var reader = Json.createReader(new StringReader(report))) {
                json = reader.readObject();
            }
            return json.getJsonArray("messages").stream().map(JsonValue::asJsonObject)
                    .filter(m -> "error".equals(m.getString("type", "")) || "non-document-error".equals(m.getString("type", "")))
                    .map(m -> "line " + m.getInt("lastLine", 0) + ": " + m.getString("message", ""))
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException("The HTML checker failed: " + e, e);
        }
    }
}
