package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BufferedBodyTest {

    @Test
    void aBodyUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = new byte[1000];
        assertArrayEquals(body, BufferedBody.readUpTo(new ByteArrayInputStream(body), 1000));
    }

    @Test
    void aBodyOneByteOverTheLimitIsRefused() throws IOException {
        assertNull(BufferedBody.readUpTo(new ByteArrayInputStream(new byte[1001]), 1000));
    }

    @Test
    void formFieldsAreDecodedInOrderWithRepeatsKept() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        BufferedBody.formFields("csrf=a%2Bb&name=J%C3%BCrgen+Smith&tag=x&tag=y&flag&&", StandardCharsets.UTF_8, fields);
        assertEquals(Map.of("csrf", List.of("a+b"), "name", List.of("Jürgen Smith"), "tag", List.of("x", "y"),
                "flag", List.of("")), fields);
        assertEquals(List.of("csrf", "name", "tag", "flag"), List.copyOf(fields.keySet()));
    }

    @Test
    void aFieldWithABrokenEscapeIsLeftOut() {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        BufferedBody.formFields("bad=%&good=1", StandardCharsets.UTF_8, fields);
        assertEquals(Map.of("good", List.of("1")), fields);
    }
}
