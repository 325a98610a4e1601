package dev.dualauth.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * PNGs of what the browser shows, under {@code target/screenshots/} (system property
 * {@code dualauth.it.screenshots}): the pages for the documentation, and the page a failed test ended on.
 */
public final class Screenshots {

    static final Path DIR = Path.of(System.getProperty("dualauth.it.screenshots", "target/screenshots"));

    private final ChromeDriver driver;

    Screenshots(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Saves the whole page, as wide as the window, as {@code <name>.png} and returns the file. */
    public Path save(String name) {
        try {
            Files.createDirectories(DIR);
            Path file = DIR.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
            Files.write(file, wholePage());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chromium's own capture beyond the viewport; what WebDriver shows (the viewport) if that fails. */
    private byte[] wholePage() {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Number width = (Number) ((Map<?, ?>) metrics.get("cssLayoutViewport")).get("clientWidth");
            Number height = (Number) ((Map<?, ?>) metrics.get("cssContentSize")).get("height");
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (WebDriverException e) {
            return ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        }
    }

    /** As {@link #save}, with the window {@code width} pixels wide (e.g. 360, a small phone), then restored. */
    public Path saveAtWidth(String name, int width) {
        Dimension before = driver.manage().window().getSize();
        driver.manage().window().setSize(new Dimension(width, before.getHeight()));
        try {
            return save(name);
        } finally {
            driver.manage().window().setSize(before);
        }
    }
}
