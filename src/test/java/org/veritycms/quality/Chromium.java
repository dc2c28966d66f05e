package org.veritycms.quality;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its ChromeDriver, with the checks every page visit
 * runs: axe-core at WCAG 2.2 A and AA, and no script dialog opened by anything on the page.
 */
public final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final String AXE = axeSource();

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium() throws IOException {
        profile = Files.createTempDirectory("verity-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
    }

    /** Whether this machine has the browser (CI installs it; .ci/run does that). */
    public static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    public static Chromium start() {
        try {
            return new Chromium();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The axe-core violations of the page now shown, as "rule: target" lines. */
    public List<String> accessibilityViolations() {
        driver.executeScript(AXE);
        Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                + ".then(function (r) { done(JSON.stringify(r.violations)); })"
                + ".catch(function (e) { done('ERROR ' + e); });", WCAG);
        String json = String.valueOf(result);
        if (json.startsWith("ERROR")) {
            throw new IllegalStateException("axe failed: " + json);
        }
        List<String> found = new ArrayList<>();
        JsonArray violations;
        try (var reader = Json.createReader(new StringReader(json))) {
            violations = reader.readArray();
        }
        for (JsonValue v : violations) {
            var o = v.asJsonObject();
            for (JsonValue node : o.getJsonArray("nodes")) {
                found.add(o.getString("id") + " (" + o.getString("impact", "") + "): " + node.asJsonObject().getJsonArray("target")
                        + " " + o.getString("help", ""));
            }
        }
        return found;
    }

    /** The texts of the script dialogs the page opened, if any (each is dismissed), or null. */
    public String dialog() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            try {
                var alert = driver.switchTo().alert();
                texts.add(alert.getText());
                alert.dismiss();
            } catch (NoAlertPresentException e) {
                break;
            }
        }
        return texts.isEmpty() ? null : String.join(", ", texts);
    }

    /** Saves what the browser shows, for a failed test. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private static String axeSource() {
        try (InputStream in = Chromium.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
