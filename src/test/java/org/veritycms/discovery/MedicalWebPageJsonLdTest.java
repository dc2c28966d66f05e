package org.veritycms.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.veritycms.page.Page;
import org.veritycms.page.PageFixtures;
import org.veritycms.shared.SiteAddress;
import org.veritycms.testing.SamplePages;

class MedicalWebPageJsonLdTest {

    final MedicalWebPageJsonLd jsonLd = new MedicalWebPageJsonLd(new SiteAddress("https://health.example.org/"), "en-GB");

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void carriesTheReviewDatesReviewerSourcesAndMedia() {
        Page page = SamplePages.page("Gentle yoga", LocalDate.of(2026, 3, 2), Instant.parse("2026-04-05T10:15:30Z"));
        JsonObject json = parse(jsonLd.of(page));
        assertEquals("https://schema.org", json.getString("@context"));
        assertEquals("MedicalWebPage", json.getString("@type"));
        assertEquals("https://health.example.org/yoga/gentle-yoga", json.getString("url"));
        assertEquals("2026-03-02", json.getString("lastReviewed"));
        assertEquals("2026-04-05T10:15:30Z", json.getString("dateModified"));
        assertEquals("A Clinician", json.getJsonObject("reviewedBy").getString("name"));
        assertEquals("Physiotherapist", json.getJsonObject("reviewedBy").getString("jobTitle"));
        assertEquals("Yoga", json.getJsonObject("about").getString("name"));
        assertEquals("Patient", json.getJsonObject("audience").getString("@type"));
        assertEquals("https://example.org/guideline?a=1&b=2", json.getJsonArray("citation").getJsonObject(0).getString("url"));
        assertEquals("VideoObject", json.getJsonArray("video").getJsonObject(0).getString("@type"));
        assertEquals("Kneel on all fours.", json.getJsonArray("video").getJsonObject(0).getString("transcript"));
        assertEquals("https://health.example.org/media/child.svg",
                json.getJsonArray("image").getJsonObject(0).getString("contentUrl"), "relative media made absolute");
        assertFalse(json.containsKey("aggregateRating"));
    }

    @Test
    void nothingInThePageCanCloseTheScriptElement() {
        Page page = SamplePages.page("</script><script>alert(1)</script> & <!--", LocalDate.of(2026, 3, 2),
                Instant.parse("2026-04-05T10:15:30Z"));
        String text = jsonLd.of(page);
        assertFalse(text.contains("<"), text);
        assertFalse(text.contains(">"), text);
        assertFalse(text.contains("&"), text);
        assertTrue(text.contains("\\u003c/script\\u003e"), text);
        assertEquals("</script><script>alert(1)</script> & <!--", parse(text).getString("name"), "the data is unchanged");
    }

    @Test
    void aPageNeverReviewedHasNoLastReviewed() {
        Page page = PageFixtures.draft("new", SamplePages.YOGA, SamplePages.page("New", LocalDate.of(2026, 3, 2),
                Instant.parse("2026-04-05T10:15:30Z")).toSource(), Instant.parse("2026-04-05T10:15:30Z")).page();
        assertFalse(parse(jsonLd.of(page)).containsKey("lastReviewed"));
    }
}
