package org.veritycms.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBindingTest {

    public record Body(Long version, Integer revision, List<Long> ids, String title) {
    }

    private final Jsonb jsonb = new JsonBinding().getContext(Body.class);

    @Test
    void wholeNumbersInRangeAreRead() {
        Body body = jsonb.fromJson("{\"version\":9223372036854775807,\"revision\":-3,\"ids\":[1,2]}", Body.class);
        assertEquals(Long.MAX_VALUE, body.version());
        assertEquals(-3, body.revision());
        assertEquals(List.of(1L, 2L), body.ids());
    }

    @Test
    void aFractionIsRefusedNotCutDown() {
        assertNotWhole("{\"version\":1.5}");
        assertNotWhole("{\"revision\":2.0000001}");
        assertNotWhole("{\"ids\":[1,2.5]}");
    }

    @Test
    void aNumberBeyondTheFieldsRangeIsRefusedNotWrappedAround() {
        assertNotWhole("{\"version\":9223372036854775808}");
        assertNotWhole("{\"revision\":2147483648}");
        assertNotWhole("{\"version\":99999999999999999999999}");
    }

    @Test
    void aStringOrABooleanIsNotANumber() {
        assertNotWhole("{\"version\":\"3\"}");
        assertNotWhole("{\"revision\":true}");
    }

    @Test
    void textFieldsTakeStringsOnly() {
        assertEquals("12", jsonb.fromJson("{\"title\":\"12\"}", Body.class).title());
        assertEquals(null, jsonb.fromJson("{\"title\":null}", Body.class).title());
        assertNotWhole("{\"title\":12}");
        assertNotWhole("{\"title\":true}");
    }

    private void assertNotWhole(String json) {
        JsonbException e = assertThrows(JsonbException.class, () -> jsonb.fromJson(json, Body.class), json);
        boolean named = false;
        for (Throwable t = e; t != null; t = t.getCause()) {
            named |= t instanceof JsonBinding.WrongType;
        }
        assertTrue(named, json + " gave " + e);
    }
}
