package org.veritycms.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuditValuesTest {

    @Test
    void aRecordedObjectReadsAsNamedValuesWithHashesCutShort() {
        String hash = "ab".repeat(32);
        assertEquals(List.of(new AuditScreen.Value("title", "Back pain"), new AuditScreen.Value("contentHash", "abababababab\u2026"),
                new AuditScreen.Value("nonClinical", "yes"), new AuditScreen.Value("publishAt", "(none)"),
                new AuditScreen.Value("roles", "[\"EDITOR\"]")),
                AuditScreen.values("{\"title\":\"Back pain\",\"contentHash\":\"" + hash + "\",\"nonClinical\":true,"
                        + "\"publishAt\":null,\"roles\":[\"EDITOR\"]}"));
    }

    @Test
    void nothingRecordedIsNothingShownAndAnythingElseIsShownAsItIs() {
        assertEquals(List.of(), AuditScreen.values(null));
        assertEquals(List.of(), AuditScreen.values(" "));
        assertEquals(List.of(new AuditScreen.Value("", "not json {")), AuditScreen.values("not json {"));
    }
}
