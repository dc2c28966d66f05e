package org.veritycms.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.veritycms.account.Account;
import org.veritycms.account.Role;
import org.veritycms.page.MediaKind;
import org.veritycms.page.MediaSource;
import org.veritycms.shared.DataFolder;
import org.veritycms.testing.Deployments;
import org.veritycms.testing.Http;
import org.veritycms.testing.Sessions;
import org.veritycms.testing.TestAccounts;
import org.veritycms.testing.TestLibraries;
import org.veritycms.testing.TestPages;

/**
 * The media library through the admin's own forms, as a browser sends them: uploads and what is
 * refused (with nothing stored), the files served by hash with their renditions, the chooser in the
 * page editor, a page rendering a library image, usage, the delete guard and the roles.
 */
@ExtendWith(ArquillianExtension.class)
class MediaLibraryIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern ITEM = Pattern.compile("/admin/media/([0-9]+)\\?done=([a-z]+)");
    private static final Random RANDOM = new Random();

    @Deployment
    static WebArchive deployment() {
        return Deployments.verity(Http.class, TestAccounts.class, Sessions.class, TestLibraries.class, TestPages.class,
                SampleFiles.class).addAsLibrary(TestLibraries.jarOf(Jsoup.class));
    }

    @Inject
    TestAccounts accounts;

    @Inject
    TestPages pages;

    @Inject
    MediaLibrary library;

    @Inject
    DataFolder data;

    /** A signed-in browser: its session cookie and its forms' CSRF token. */
    record Staff(String cookie, String csrf) {
        static Staff signIn(Account account) {
            String cookie = Sessions.signIn(account.username());
            HttpResponse<String> screen = Sessions.get(cookie, "/admin");
            Matcher m = CSRF.matcher(screen.body());
            assertTrue(m.find());
            return new Staff(cookie, m.group(1));
        }

        HttpResponse<String> get(String path) {
            return Sessions.get(cookie, path);
        }

        /** The upload form sent as a browser sends it: the token first, the text fields, then the files. */
        HttpResponse<String> upload(Map<String, String> fields, String fileName, byte[] file, byte[] captions) {
            String boundary = "----VerityTest" + Long.toHexString(RANDOM.nextLong());
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>();
            all.put("csrf", csrf);
            all.putAll(fields);
            all.forEach((k, v) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n"
                    + v + "\r\n"));
            filePart(body, boundary, "file", fileName, file);
            filePart(body, boundary, "captions", captions == null ? "" : "captions.vtt", captions == null ? new byte[0] : captions);
            write(body, "--" + boundary + "--\r\n");
            return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + "/admin/media"))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        }

        HttpResponse<String> post(String path, String... fields) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("csrf", csrf);
            for (int i = 0; i + 1 < fields.length; i += 2) {
                all.put(fields[i], fields[i + 1]);
            }
            String form = all.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return Http.send(HttpRequest.newBuilder(URI.create(Http.base() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        }

        private static void filePart(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] bytes) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(bytes);
            write(body, "\r\n");
        }

        private static void write(ByteArrayOutputStream out, String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The id of the item an upload went to (it answers with a redirect to its screen). */
    private static long uploaded(HttpResponse<String> answer) {
        assertEquals(303, answer.statusCode(), () -> Jsoup.parse(answer.body()).select("[role=alert]").text());
        Matcher m = ITEM.matcher(answer.headers().firstValue("Location").orElseThrow());
        assertTrue(m.find(), answer.headers().firstValue("Location").orElseThrow());
        return Long.parseLong(m.group(1));
    }

    private static byte[] uniqueImage(String format, int width, int height) {
        // a random pixel count keeps each run's image new to the library
        return SampleFiles.image(format, width + RANDOM.nextInt(50), height);
    }

    private long storedFiles() {
        try (Stream<Path> files = Files.list(data.resolve("media-library"))) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<byte[]> fetch(String path) {
        return Http.sendBytes(HttpRequest.newBuilder(URI.create(Http.base() + path)).build());
    }

    @Test
    void anUploadedImageIsListedAndServedByHashWithItsRenditions() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        long id = uploaded(author.upload(Map.of("title", "Cat and cow", "altText", "A person on hands and knees"), "cat.png",
                uniqueImage("png", 1100, 600), null));
        LibraryItem item = library.find(id).orElseThrow();
        assertEquals(FileType.PNG, item.fileType());
        assertEquals(java.util.List.of(320, 640, 1024), item.renditionWidths(), "never a rendition wider than the original");

        Document list = Jsoup.parse(author.get("/admin/media").body());
        assertEquals("Cat and cow", list.selectFirst("#item-" + id + " th a").text());

        HttpResponse<byte[]> file = fetch(item.url());
        assertEquals(200, file.statusCode());
        assertEquals("image/png", file.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("public, max-age=31536000, immutable", file.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals(item.contentHash(), org.veritycms.shared.ContentHash.of(file.body()), "named by the hash of its bytes");
        for (int w : item.renditionWidths()) {
            HttpResponse<byte[]> rendition = fetch(LibraryItem.URL_PREFIX + item.renditionName(w));
            assertEquals(200, rendition.statusCode());
            assertEquals("image/png", rendition.headers().firstValue("Content-Type").orElseThrow());
        }
        Document screen = Jsoup.parse(author.get("/admin/media/" + id).body());
        assertEquals(3, screen.select("h2#renditions-title + ul li").size());

        HttpResponse<String> missing = Http.get(LibraryItem.URL_PREFIX + "0".repeat(64) + ".png");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<html"), "a missing file gets the site's own page");

        HttpResponse<String> again = author.upload(Map.of("title", "Same bytes", "altText", "Again"), "copy.png",
                fetch(item.url()).body(), null);
        assertEquals(id, uploaded(again), "the same bytes are one item and one file");
    }

    @Test
    void refusedUploadsSayWhyKeepWhatWasTypedAndStoreNothing() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        long rows = library.list().size();
        long files = storedFiles();

        HttpResponse<String> text = author.upload(Map.of("title", "My notes", "altText", "Words"), "notes.png", SampleFiles.text(), null);
        assertEquals(400, text.statusCode());
        Document page = Jsoup.parse(text.body());
        assertTrue(page.select("[role=alert]").text().contains("does not take"), page.select("[role=alert]").text());
        assertEquals("My notes", page.selectFirst("#media-title").val(), "the title typed comes back");

        HttpResponse<String> program = author.upload(Map.of("title", "Holiday", "altText", "A beach"), "photo.jpg", SampleFiles.elf(), null);
        assertEquals(400, program.statusCode());
        assertTrue(Jsoup.parse(program.body()).select("[role=alert]").text().contains("is a program"));

        HttpResponse<String> windows = author.upload(Map.of("title", "Holiday", "altText", "A beach"), "photo.jpg",
                SampleFiles.windowsProgram(), null);
        assertTrue(Jsoup.parse(windows.body()).select("[role=alert]").text().contains("is a program"));

        HttpResponse<String> noAlt = author.upload(Map.of("title", "No words", "transcript", "kept"), "x.jpg",
                uniqueImage("jpg", 400, 300), null);
        assertEquals(400, noAlt.statusCode());
        Document noAltPage = Jsoup.parse(noAlt.body());
        assertTrue(noAltPage.select("[role=alert]").text().contains("Alt text"), noAltPage.select("[role=alert]").text());
        assertEquals("kept", noAltPage.selectFirst("#media-transcript").val());

        HttpResponse<String> video = author.upload(Map.of("title", "A video"), "clip.mp4", SampleFiles.mp4(), null);
        assertEquals(400, video.statusCode());
        assertTrue(Jsoup.parse(video.body()).select("[role=alert]").text().contains("captions file"));

        byte[] big = new byte[(int) library.maxBytes() + 1];
        RANDOM.nextBytes(big);
        HttpResponse<String> tooLarge = author.upload(Map.of("title", "Huge", "altText", "Big"), "big.jpg", big, null);
        assertEquals(413, tooLarge.statusCode());
        Document tooLargePage = Jsoup.parse(tooLarge.body());
        assertTrue(tooLargePage.select("[role=alert]").text().contains("larger than"), tooLargePage.select("[role=alert]").text());
        assertEquals("Huge", tooLargePage.selectFirst("#media-title").val());

        assertEquals(rows, library.list().size(), "no row was added");
        assertEquals(files, storedFiles(), "no file was stored");
        try (Stream<Path> incoming = Files.list(data.resolve("media-incoming"))) {
            assertEquals(0, incoming.count(), "nothing is left half-uploaded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aVideoWithCaptionsIsAcceptedAndAPageShowsThemAsATrack() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        byte[] mp4 = SampleFiles.mp4();
        mp4[40] = (byte) RANDOM.nextInt(); // a file new to this run
        long id = uploaded(author.upload(Map.of("title", "Knee rolls"), "clip.mp4", mp4, SampleFiles.vtt()));
        LibraryItem item = library.find(id).orElseThrow();
        assertNotNull(item.captionsName());
        assertEquals("text/vtt;charset=UTF-8", fetch(LibraryItem.URL_PREFIX + item.captionsName()).headers()
                .firstValue("Content-Type").orElseThrow().replace(" ", ""));
        TestPages.TestPage page = pages.publishWithMedia(new MediaSource(MediaKind.VIDEO, "Knee rolls", item.url(), null,
                library.transcriptOf(item)));
        Document html = Jsoup.parse(Http.get(page.url()).body());
        assertEquals(LibraryItem.URL_PREFIX + item.captionsName(), html.selectFirst("video track[kind=captions]").attr("src"));
    }

    @Test
    void theChooserAddsAnItemToTheEditorsFormWithoutSavingAndKeepsWhatWasTyped() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        long id = uploaded(author.upload(Map.of("title", "Child's pose", "altText", "A person kneeling, folded forward"), "c.jpg",
                uniqueImage("jpg", 700, 500), null));
        LibraryItem item = library.find(id).orElseThrow();
        Document editor = Jsoup.parse(author.get("/admin/pages/new").body());
        assertNotNull(editor.selectFirst("form[action=/admin/pages/new] select[name=libraryItem] option[value=" + id + "]"));

        String slug = "chooser-" + Long.toHexString(RANDOM.nextLong() & 0xffffffL);
        HttpResponse<String> added = author.post("/admin/pages/new", "slug", slug, "topic", "exercise", "title", "Typed title",
                "summary", "Typed summary.", "body", "Typed body.", "media", "", "libraryItem", Long.toString(id), "action", "add-media");
        assertEquals(200, added.statusCode(), added.body());
        Document form = Jsoup.parse(added.body());
        assertEquals("Typed title", form.selectFirst("#title").val());
        assertEquals("Typed body.", form.selectFirst("#body").wholeText().strip());
        String media = form.selectFirst("#media").wholeText();
        assertTrue(media.contains("src: " + item.url()), media);
        assertTrue(media.contains("kind: IMAGE") && media.contains("alt: A person kneeling, folded forward"), media);
        assertEquals(404, author.get("/admin/pages/" + slug).statusCode(), "nothing was saved");
    }

    @Test
    void aDecorativeLibraryImageGoesOnAPageWithoutAltTextAndScreenReadersPassOverIt() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        long id = uploaded(author.upload(Map.of("title", "Mat texture", "decorative", "true"), "d.png",
                uniqueImage("png", 400, 300), null));
        LibraryItem item = library.find(id).orElseThrow();

        String slug = "decorative-" + Long.toHexString(RANDOM.nextLong() & 0xffffffL);
        HttpResponse<String> added = author.post("/admin/pages/new", "slug", slug, "topic", "exercise", "title", "Decorative",
                "summary", "A page with a decorative image.", "body", "Advice.\n\n## When to get help\n\nCall 111.", "media", "",
                "libraryItem", Long.toString(id), "action", "add-media");
        String media = Jsoup.parse(added.body()).selectFirst("#media").wholeText();
        assertTrue(media.contains("decorative: true") && !media.contains("alt:"), media);

        HttpResponse<String> saved = author.post("/admin/pages/new", "slug", slug, "topic", "exercise", "title", "Decorative",
                "summary", "A page with a decorative image.", "body", "Advice.\n\n## When to get help\n\nCall 111.",
                "tier", "STANDARD", "comments", "CLOSED", "media", media, "action", "save");
        assertEquals(303, saved.statusCode(), () -> Jsoup.parse(saved.body()).select("[role=alert]").text());

        TestPages.TestPage page = pages.publishWithMedia(new MediaSource(MediaKind.IMAGE, "Mat texture", item.url(), null, null, true));
        var img = Jsoup.parse(Http.get(page.url()).body()).selectFirst("figure.media img");
        assertTrue(img.hasAttr("alt") && img.attr("alt").isEmpty(), img.outerHtml());
    }

    @Test
    void aPageRendersALibraryImageWithSrcsetAndItsUseGuardsItFromDeletion() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        Staff editor = Staff.signIn(accounts.create(Role.EDITOR));
        long id = uploaded(author.upload(Map.of("title", "Bridges", "altText", "Hips lifted off the floor"), "b.jpg",
                uniqueImage("jpg", 1700, 900), null));
        LibraryItem item = library.find(id).orElseThrow();
        TestPages.TestPage page = pages.publishWithMedia(new MediaSource(MediaKind.IMAGE, "Bridges", item.url(),
                "Hips lifted off the floor", null));

        Document html = Jsoup.parse(Http.get(page.url()).body());
        var img = html.selectFirst("figure.media img");
        assertTrue(img.attr("srcset").contains(LibraryItem.URL_PREFIX + item.renditionName(320) + " 320w"), img.outerHtml());
        assertTrue(img.attr("srcset").contains(item.url() + " " + item.width() + "w"), img.outerHtml());
        assertFalse(img.attr("sizes").isEmpty());
        assertEquals(item.width().toString(), img.attr("width"));
        assertEquals(item.height().toString(), img.attr("height"));

        Document usage = Jsoup.parse(editor.get("/admin/media/" + id).body());
        String usageText = usage.select("h2#usage-title + .table-scroll tbody").text();
        assertTrue(usageText.contains("Page with media " + page.slug()), usageText);
        assertNotNull(usage.selectFirst("a[href=/admin/pages/" + page.slug() + "/review]"), "links where the media is signed off");

        long files = storedFiles();
        HttpResponse<String> refused = editor.post("/admin/media/" + id + "/delete", "version", Long.toString(item.version()));
        assertEquals(409, refused.statusCode());
        assertTrue(Jsoup.parse(refused.body()).select("[role=alert]").text().contains("Page with media " + page.slug()));
        assertTrue(library.find(id).isPresent());
        assertEquals(files, storedFiles());
    }

    @Test
    void anUnusedItemIsDeletedWithItsFilesByAnEditorOnly() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        Staff editor = Staff.signIn(accounts.create(Role.EDITOR));
        long id = uploaded(author.upload(Map.of("title", "Spare", "altText", "Unused"), "s.png", uniqueImage("png", 700, 400), null));
        LibraryItem item = library.find(id).orElseThrow();
        String version = Long.toString(item.version());

        assertEquals(403, author.post("/admin/media/" + id + "/delete", "version", version).statusCode(), "authors do not delete");
        long files = storedFiles();
        HttpResponse<String> deleted = editor.post("/admin/media/" + id + "/delete", "version", version);
        assertEquals(303, deleted.statusCode(), deleted.body());
        assertTrue(library.find(id).isEmpty());
        assertEquals(files - 3, storedFiles(), "the file and its two renditions are gone");
        assertEquals(404, fetch(item.url()).statusCode());
        assertTrue(editor.get("/admin/audit?subject=" + item.fileName()).body().contains("media.delete"));
    }

    @Test
    void peopleWithoutAnEditorialRoleAreRefused() {
        Staff moderator = Staff.signIn(accounts.create(Role.MODERATOR));
        assertEquals(403, moderator.get("/admin/media").statusCode());
        assertEquals(403, moderator.upload(Map.of("title", "x", "altText", "y"), "x.png", uniqueImage("png", 10, 10), null).statusCode());
        Staff reviewer = Staff.signIn(accounts.create(Role.CLINICAL_REVIEWER));
        assertEquals(200, reviewer.get("/admin/media").statusCode(), "reviewers see the library and its usage");
        assertEquals(403, reviewer.upload(Map.of("title", "x", "altText", "y"), "x.png", uniqueImage("png", 10, 10), null).statusCode());
        HttpResponse<String> anonymous = Http.get("/admin/media");
        assertEquals(303, anonymous.statusCode(), "sent to sign in");
    }

    @Test
    void anUploadWithoutTheFormsTokenIsRefusedBeforeAnythingIsKept() {
        Staff author = Staff.signIn(accounts.create(Role.AUTHOR));
        long files = storedFiles();
        HttpResponse<String> forged = new Staff(author.cookie(), "not-the-token").upload(Map.of("title", "x", "altText", "y"),
                "x.png", uniqueImage("png", 400, 100), null);
        assertEquals(403, forged.statusCode());
        assertEquals(files, storedFiles());
    }
}
