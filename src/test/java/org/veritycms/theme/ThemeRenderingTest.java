package org.veritycms.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veritycms.shared.Problem;
import org.veritycms.testing.SampleViews;

/** Every template of the default theme renders with sample models, escaped, with every message present. */
class ThemeRenderingTest {

    static final Path THEMES = Path.of("themes");
    final ThemeRenderer renderer = new ThemeRenderer(new ThemeRegistry(List.of(THEMES), "default"), "en-GB", 0);

    @Test
    void everyPublicTemplateRenders() {
        Map<String, Map<String, ?>> models = Map.of(
                "home.ftlh", Map.of("topics", List.of(SampleViews.topic())),
                "topic.ftlh", Map.of("topic", SampleViews.topic()),
                "page.ftlh", Map.of("page", SampleViews.page()),
                "error.ftlh", Map.of("problem", Problem.of(400, "bad", "Bad request", "Nope"), "errorId", "abc"),
                "404.ftlh", Map.of("errorId", "abc"),
                "410.ftlh", Map.of("topic", new org.veritycms.site.Views.Link("Yoga", "/yoga"), "withdrawnTitle", "Old page"),
                "500.ftlh", Map.of("errorId", "abc"));
        for (var entry : models.entrySet()) {
            Map<String, Object> model = new java.util.HashMap<>(entry.getValue());
            model.put("pageTitle", "T");
            model.put("breadcrumbs", List.of(new org.veritycms.site.Views.Link("Yoga", "/yoga")));
            String html = renderer.render(entry.getKey(), model);
            assertTrue(html.startsWith("<!DOCTYPE html>"), entry.getKey());
            assertFalse(html.contains("??"), entry.getKey() + " uses a missing message");
        }
    }

    @Test
    void anAdminErrorRendersInTheAdminFrame() {
        String html = renderer.render("admin/error.ftlh", Map.of("problem", Problem.of(404, "not-found", "Page not found",
                "There is no page 'x'."), "errorId", "abc", "pageTitle", "Page not found", "breadcrumbs", List.of()));
        assertTrue(html.contains("<body class=\"admin\">"), html);
        assertTrue(html.contains("/assets/css/admin.css"));
        assertTrue(html.contains("There is no page &#39;x&#39;.") || html.contains("There is no page &apos;x&apos;."), html);
        assertTrue(html.contains("href=\"/admin\""));
        assertFalse(html.contains("??"));
    }

    @Test
    void thePasswordFormShowsEachRefusalByItsFieldAndNeverAPassword() {
        Map<String, Object> model = new java.util.HashMap<>(Map.of("pageTitle", "Your password", "who", "Sam", "csrf", "T",
                "changed", false, "problem", "Your current password is not right.",
                "errors", Map.of("currentPassword", "Your current password is not right"),
                "fields", List.of("currentPassword", "newPassword", "confirmPassword")));
        String html = renderer.render("admin/password.ftlh", model);
        assertTrue(html.contains("<p class=\"field-error\" id=\"current-password-error\">Your current password is not right</p>"), html);
        assertTrue(html.contains("aria-describedby=\"current-password-error\""), html);
        assertTrue(html.contains("aria-describedby=\"new-password-hint\""), html);
        assertEquals(3, org.jsoup.Jsoup.parse(html).select("input[type=password]:not([value])").size(),
                "no password is ever written back");
        assertFalse(html.contains("??"));
    }

    @Test
    void pageShowsReviewDatesForPageAndMedia() {
        String html = renderer.render("page.ftlh", Map.of("page", SampleViews.page(), "pageTitle", "T", "breadcrumbs", List.of()));
        assertTrue(html.contains("Media last reviewed"));
        assertTrue(html.contains("Media review due"));
        assertTrue(html.contains("Page last reviewed"));
        assertTrue(html.contains("Next review due"));
        assertTrue(html.contains("Last updated"));
        assertTrue(html.contains("<time datetime=\"2027-03-01\">1 March 2027</time>"), html);
    }

    @Test
    void valuesAreEscaped() {
        String html = renderer.render("topic.ftlh", Map.of("topic", SampleViews.topicTitled("<script>alert(1)</script>"),
                "pageTitle", "T", "breadcrumbs", List.of()));
        assertFalse(html.contains("<script>alert(1)"));
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void countsReadAsEnglishForOneAndForMany() {
        Messages messages = new Messages(new ThemeRegistry(List.of(THEMES), "default").chain(), java.util.Locale.UK);
        assertEquals("Rated once so far.", messages.get("rating.few", 1));
        assertEquals("Rated 3 times so far.", messages.get("rating.few", 3));
        assertEquals("Average rating 5 - based on 1 rating", messages.get("rating.average", "5", 1));
        assertEquals("1 decision made.", messages.get("moderation.done", 1, 0));
        assertEquals("4 decisions made; 1 was not possible for the status that comment had.",
                messages.get("moderation.done", 4, 1));
    }

    @Test
    void everyMessageKeyUsedByATemplateExistsInEveryBundle() throws IOException {
        Pattern use = Pattern.compile("msg\\(\"([a-zA-Z0-9._-]+)\"");
        try (Stream<Path> themes = Files.list(THEMES)) {
            for (Path theme : themes.toList()) {
                Messages messages = new Messages(new ThemeRegistry(List.of(THEMES), theme.getFileName().toString()).chain(),
                        java.util.Locale.UK);
                try (Stream<Path> templates = Files.walk(theme.resolve("templates"))) {
                    for (Path t : templates.filter(Files::isRegularFile).toList()) {
                        Matcher m = use.matcher(Files.readString(t));
                        while (m.find()) {
                            String key = m.group(1);
                            if (key.endsWith(".")) {
                                // a family of keys chosen at render time, e.g. msg("ed.done." + done)
                                assertTrue(Files.readString(THEMES.resolve("default/messages/messages.properties"))
                                        .contains("\n" + key), t + " uses a key family with no member: " + key);
                            } else {
                                assertTrue(messages.has(key), t + " uses missing key " + key);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void childThemeOverridesMessagesAndTemplatesAndFallsBackToDefault(@TempDir Path dir) throws IOException {
        Path child = dir.resolve("calm");
        Files.createDirectories(child.resolve("templates"));
        Files.createDirectories(child.resolve("messages"));
        Files.writeString(child.resolve("theme.properties"), "name=calm\nparent=default\n");
        Files.writeString(child.resolve("messages/messages.properties"), "site.name=Calm Health\n");
        Files.writeString(child.resolve("templates/404.ftlh"), "<!DOCTYPE html><p>calm ${msg(\"site.name\")}</p>");
        ThemeRegistry registry = new ThemeRegistry(List.of(dir, THEMES), "calm");
        assertEquals(List.of("calm", "default"), registry.chain().stream().map(Theme::name).toList());
        ThemeRenderer calm = new ThemeRenderer(registry, "en-GB", 0);
        assertEquals("<!DOCTYPE html><p>calm Calm Health</p>", calm.render("404.ftlh", Map.of()));
        String home = calm.render("home.ftlh", Map.of("topics", List.of(), "pageTitle", "", "breadcrumbs", List.of()));
        assertTrue(home.contains("Calm Health"), "the default template reads the child's message");
        assertTrue(registry.staticFile("css/verity.css").isPresent(), "assets fall back to default");
        assertTrue(registry.staticFile("../calm/theme.properties").isEmpty(), "no escaping the static folder");
    }

    @Test
    void highContrastThemeOverridesItsCssAndOneTemplateAndInheritsTheRest() throws IOException {
        ThemeRegistry registry = new ThemeRegistry(List.of(THEMES), "high-contrast");
        assertEquals(List.of("high-contrast", "default"), registry.chain().stream().map(Theme::name).toList());
        assertTrue(registry.staticFile("css/theme.css").orElseThrow().startsWith(THEMES.resolve("high-contrast")));
        assertTrue(registry.staticFile("css/verity.css").orElseThrow().startsWith(THEMES.resolve("default")));
        ThemeRenderer contrast = new ThemeRenderer(registry, "en-GB", 0);
        String notFound = contrast.render("404.ftlh", Map.of("errorId", "x1", "pageTitle", "", "breadcrumbs", List.of()));
        assertTrue(notFound.contains("<ul>"), "its own 404 template");
        String page = contrast.render("page.ftlh", Map.of("page", SampleViews.page(), "pageTitle", "", "breadcrumbs", List.of()));
        assertTrue(page.contains("Page last reviewed"), "the default page template");
    }
}
