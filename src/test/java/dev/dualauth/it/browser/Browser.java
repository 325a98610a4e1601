package dev.dualauth.it.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriverLogLevel;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven by Debian's chromedriver, for one test class. Both paths are given
 * (system properties {@code dualauth.it.chromium} and {@code dualauth.it.chromedriver}, set by failsafe),
 * so Selenium Manager never runs and nothing is downloaded; the browser resolves no host name but the
 * loopback ones, so it cannot reach any service outside this machine either. Every wait polls for a
 * condition ({@link WebDriverWait}); nothing sleeps.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("dualauth.it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("dualauth.it.chromedriver", "/usr/bin/chromedriver");
    static final Path PROFILES = Path.of(System.getProperty("dualauth.it.browser-profiles", "target/browser-profiles"));

    /** How long a condition may take to come true: generous, as the machine is shared. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final NetworkLog network;
    private final Screenshots screenshots;

    private final Path profile;

    private Browser(Path profile, ChromeDriverService service, ChromeDriver driver, Screenshots screenshots) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        this.network = new NetworkLog(driver);
        this.screenshots = screenshots;
    }

    /** Starts a browser with a fresh profile under {@code target/browser-profiles/<name>-…}. */
    public static Browser start(String name) {
        Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE); // no CDP-version chatter
        try {
            Files.createDirectories(PROFILES);
            Path profile = Files.createTempDirectory(PROFILES, name + "-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(requireExecutable(CHROMIUM, "dualauth.it.chromium", "chromium"));
            options.addArguments(
                    "--headless=new",
                    "--user-data-dir=" + profile.toAbsolutePath(),
                    "--window-size=1280,900",
                    "--disable-dev-shm-usage",
                    "--disable-gpu",
                    "--no-first-run",
                    "--no-default-browser-check",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-default-apps",
                    "--disable-extensions",
                    "--password-store=basic",
                    "--disable-features=Translate,OptimizationHints,MediaRouter,PasswordLeakDetection,AutofillServerCommunication",
                    // Only loopback names resolve: no request can leave this machine, whatever Chromium wants.
                    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                options.addArguments("--no-sandbox"); // Chromium's sandbox refuses to run as root
            }
            options.setExperimentalOption("prefs", Map.of(
                    "credentials_enable_service", false,
                    "profile.password_manager_enabled", false));
            // The network events (requests, headers, statuses) are read from the performance log.
            options.setCapability("goog:loggingPrefs", Map.of("performance", "ALL"));
            options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));

            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(requireExecutable(CHROMEDRIVER, "dualauth.it.chromedriver", "chromium-driver"))
                    .usingAnyFreePort()
                    // Warnings only: at INFO chromedriver logs every command, typed passwords and read tokens included.
                    .withLogLevel(ChromiumDriverLogLevel.WARNING)
                    .withLogFile(profile.resolve("chromedriver.log").toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(PATIENCE).scriptTimeout(PATIENCE);
            return new Browser(profile, service, driver, new Screenshots(driver));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File requireExecutable(String path, String property, String debianPackage) {
        File file = new File(path);
        if (!file.canExecute()) {
            throw new IllegalStateException(path + " is missing: install Debian's " + debianPackage
                    + " (.ci/run does) or point -D" + property + " at it");
        }
        return file;
    }

    public WebDriver driver() {
        return driver;
    }

    public NetworkLog network() {
        return network;
    }

    public Screenshots screenshots() {
        return screenshots;
    }

    /** Forgets every cookie of every site, and the network log so far: a new visitor. */
    public void forgetEverything() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
        network.clear();
    }

    public void open(String url) {
        driver.get(url);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    public <T> T waitFor(String what, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).withMessage(() -> what + " (on " + where() + ")").until(condition);
    }

    /** The current page's address without query or fragment (which may hold a code or state). */
    private String where() {
        try {
            return driver.getCurrentUrl().replaceAll("[?#].*", "");
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** Waits until the element is shown and returns it. */
    public WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement visible(String css) {
        return visible(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public boolean present(String css) {
        return !all(css).isEmpty();
    }

    /** Replaces the field's value with {@code text}. */
    public void type(String css, String text) {
        WebElement field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    public void click(String css) {
        waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    /** Clicks and waits until the current page has been replaced by another document. */
    public void clickAndWaitForNewPage(String css) {
        clickAndWaitForNewPage(waitFor(ExpectedConditions.elementToBeClickable(By.cssSelector(css))));
    }

    /**
     * Clicks the element and waits until the current page has been replaced by another document, fully
     * loaded. The old document is marked with a random value, and the wait polls for a document without
     * it: chromedriver's answers about the old page's nodes while it is being replaced (stale element,
     * "Node with given id does not belong to the document", a destroyed script context) only mean "not
     * yet" and are polled again.
     */
    public void clickAndWaitForNewPage(WebElement element) {
        String mark = UUID.randomUUID().toString();
        script("window.dualauthTestPage = arguments[0]", mark);
        WebDriverException clickError = null;
        try {
            element.click();
        } catch (WebDriverException e) {
            // the form's answer may replace the document before the click command finishes: fine if the
            // page does change, which the wait below decides
            clickError = e;
        }
        try {
            new WebDriverWait(driver, PATIENCE)
                    .ignoring(WebDriverException.class)
                    .withMessage(() -> "a new, loaded page after the click (on " + where() + ")")
                    .until(d -> "complete".equals(script(
                            "return window.dualauthTestPage === arguments[0] ? 'old' : document.readyState", mark)));
        } catch (TimeoutException e) {
            if (clickError != null) {
                e.addSuppressed(clickError);
            }
            throw e;
        }
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    public Object asyncScript(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
    }

    /** The value of a cookie the current page's site holds (HttpOnly ones included), or null. */
    public String cookie(String name) {
        Cookie cookie = driver.manage().getCookieNamed(name);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * The current page's site's session as {@link dev.dualauth.it.Client#session(String)} takes it: the
     * session id and, once logged in, the binding value; null without a session cookie.
     */
    public String session() {
        return dev.dualauth.it.Client.joined(cookie(dev.dualauth.it.Client.SESSION_COOKIE),
                cookie(dev.dualauth.it.Client.BINDING_COOKIE));
    }

    /** Every cookie the browser holds, of every site, as name=value strings. */
    @SuppressWarnings("unchecked")
    public List<String> allCookies() {
        Map<String, Object> result = driver.executeCdpCommand("Storage.getCookies", Map.of());
        return ((List<Map<String, Object>>) result.get("cookies")).stream()
                .map(c -> c.get("domain") + " " + c.get("name") + "=" + c.get("value"))
                .toList();
    }

    /** Quits the browser and deletes its profile, all but chromedriver's log. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.getFileName().toString().equals("chromedriver.log") && !p.equals(profile))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // only space under target/ is lost
        }
    }
}
