package org.veritycms.quality;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Saves a screenshot of the browser under {@code target/browser-screenshots/} when a test fails. */
public class ScreenshotOnFailure implements TestWatcher {

    static volatile Supplier<Chromium> browser = () -> null;

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Chromium chromium = browser.get();
        if (chromium != null) {
            Path file = Path.of(System.getProperty("verity.build.dir", "target"), "browser-screenshots",
                    context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName() + ".png");
            Path saved = chromium.screenshot(file);
            if (saved != null) {
                System.err.println("Screenshot of the failure: " + saved.toAbsolutePath());
            }
        }
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        testFailed(context, cause);
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        // nothing to show
    }
}
