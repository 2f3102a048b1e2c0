package dev.nlen.api.page;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 8: the translation page in a real browser — headless Debian Chromium through chromedriver — on the test
 * model (its English is gibberish for most words, but aligned): paste an article, wait for the aligned view, check
 * every paragraph pair in order against the input, the hover highlight, the low-confidence marks, the downloads, a
 * phone-width layout without sideways scrolling, and no console errors (CSP violations among them). Screenshots go
 * to target/browser/. Skipped, with a message, only where /usr/bin/chromium or /usr/bin/chromedriver is missing
 * (scripts/install-test-packages.sh installs both).
 */
@QuarkusTest
class TranslatePageBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path OUT = Path.of("target/browser");
    static final Path DOWNLOADS = OUT.resolve("downloads");
    /** The seed article of the issue, beside the repository (shared/), and a small committed one that is always here. */
    static final Path SEED = Path.of("../shared/seed/article-nl.txt");
    static final Path FIXTURE = Path.of("src/test/resources/page/artikel-nl.txt");
    static final Path HTML_FIXTURE = Path.of("src/test/resources/page/artikel-nl.html");

    private static ChromeDriverService service;
    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "skipped: the browser test needs Debian's chromium and chromium-driver (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver); scripts/install-test-packages.sh installs them");
        Files.createDirectories(DOWNLOADS);
        try (Stream<Path> old = Files.list(DOWNLOADS)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900",
                "--lang=en-GB");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", DOWNLOADS.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .withLogFile(OUT.resolve("chromedriver.log").toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    @Test
    void theSeedArticleTranslatesIntoTheAlignedView() throws IOException {
        assumeTrue(Files.isRegularFile(SEED), "skipped: the seed article " + SEED.toAbsolutePath()
                + " is not here (shared/ beside the repository); the committed fixture article is tested anyway");
        String article = Files.readString(SEED, StandardCharsets.UTF_8);
        translate(article, "greedy", "");
        assertAligned(article, 1);
        assertHoverHighlightsThePartner();
        assertNoConsoleErrors();
        screenshot("translate-page.png");
    }

    @Test
    void theFixtureArticleTranslatesWithBeamSearchAndDownloads() throws IOException, InterruptedException {
        String article = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        // the test model is sure of most of its words: a threshold between its scores marks some sentences, not all
        List<Float> scores = given().contentType("application/json")
                .body(Map.of("text", article, "options", Map.of("beams", 4)))
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath()
                .getList("paragraphs.sentences.flatten().meanLogProb", Float.class);
        double min = scores.stream().mapToDouble(Float::doubleValue).min().orElseThrow();
        double max = scores.stream().mapToDouble(Float::doubleValue).max().orElseThrow();
        assertTrue(min < max, "the test model's scores differ: " + scores);
        translate(article, "beam", "?low=" + (min + max) / 2);
        int marked = assertAligned(article, 4);
        assertTrue(marked > 0 && marked < scores.size(), marked + " of " + scores.size() + " marked low-confidence");
        assertHoverHighlightsThePartner();

        // the English of the one sentence the test model knows well
        WebElement cat = browser.findElement(By.id("s1-0-en"));
        assertEquals("The cat sits on the mat.", cat.getDomProperty("textContent"));

        List<WebElement> links = browser.findElements(By.cssSelector("#result button.download"));
        assertEquals(List.of("text/markdown", "text/html", "application/x-tmx+xml"),
                links.stream().map(link -> link.getDomAttribute("data-accept")).toList());
        for (WebElement link : links) {
            assertTrue(link.isEnabled(), "downloads ready once translated");
        }
        links.getFirst().click();
        Path markdown = waitForDownload(".en.md");
        String saved = Files.readString(markdown, StandardCharsets.UTF_8);
        assertTrue(saved.contains("De kat zit op de mat.") && saved.contains("The cat sits on the mat."), saved);
        links.getLast().click();
        String tmx = Files.readString(waitForDownload(".en.tmx"), StandardCharsets.UTF_8);
        assertTrue(tmx.contains("<tmx") && tmx.contains("<seg>The cat sits on the mat.</seg>"), tmx);

        assertNoConsoleErrors();
        screenshot("translate-page-fixture.png");

        // a phone: the pairs stack, and the long compound wraps instead of widening the page
        browser.manage().window().setSize(new Dimension(390, 844));
        Long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "no sideways scrolling at phone width");
        js("document.getElementById('pair-5').scrollIntoView();");
        Files.write(OUT.resolve("translate-page-phone.png"), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void anHtmlArticleTranslatesAndDownloadsAsHtml() throws IOException, InterruptedException {
        String article = Files.readString(HTML_FIXTURE, StandardCharsets.UTF_8);
        open();
        paste(article);
        browser.findElement(By.cssSelector("input[name=format][value=html]")).click();
        translate(null, "greedy", null);
        JsonPath expected = given().contentType("application/json")
                .body(Map.of("text", article, "format", "html", "options", Map.of("beams", 1)))
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
        List<WebElement> pairs = browser.findElements(By.cssSelector("#aligned > .pair"));
        assertEquals(expected.getList("paragraphs").size(), pairs.size(), "one pair per block of the HTML");
        for (int p = 0; p < pairs.size(); p++) {
            assertEquals(expected.getList("paragraphs[" + p + "].sentences.source", String.class),
                    pairs.get(p).findElements(By.cssSelector(".side.nl .sentence")).stream()
                            .map(s -> s.getDomProperty("textContent")).toList(), "block " + p);
        }
        browser.findElement(By.cssSelector("#result button.download[data-ext=html]")).click();
        String html = Files.readString(waitForDownload(".en.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<p>The <b>cat</b> sits on the mat."), "the article's own markup, in English: " + html);
        assertNoConsoleErrors();
    }

    @Test
    void cancelStopsTheRequest() throws IOException {
        open();
        paste(Files.readString(FIXTURE, StandardCharsets.UTF_8));
        ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
        slow.setLatency(Duration.ofSeconds(3)); // the answer cannot come before the click
        browser.setNetworkConditions(slow);
        try {
            browser.findElement(By.id("translate")).click();
            WebElement cancel = browser.findElement(By.id("cancel"));
            assertTrue(cancel.isEnabled(), "Cancel is live while translating");
            cancel.click();
            wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Cancelled"));
            assertTrue(browser.findElement(By.id("translate")).isEnabled());
            assertFalse(browser.findElement(By.id("cancel")).isEnabled());
            assertFalse(browser.findElement(By.id("error")).isDisplayed(), "a cancel is no error");
        } finally {
            browser.deleteNetworkConditions();
        }
    }

    @Test
    void refusalsAreShownReadably() {
        open();
        // the server's 413 problem for an article over the test profile's 20000 characters
        paste("De kat zit op de mat. ".repeat(1000));
        browser.findElement(By.id("translate")).click();
        WebElement error = wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        String text = error.getText();
        assertTrue(text.contains("413") && text.contains("Field: text") && text.contains("limit: 20000"), text);
        assertTrue(browser.findElement(By.id("translate")).isEnabled(), "the form can be sent again");

        // nothing to translate: said at once, without a request
        paste("   ");
        browser.findElement(By.id("translate")).click();
        wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "Nothing to translate"));
    }

    @Test
    void theApiKeyStaysInTheTabAndThePageHasItsOwnPolicy() {
        open();
        browser.findElement(By.cssSelector("#key-details summary")).click();
        browser.findElement(By.id("api-key")).sendKeys("secret-key");
        browser.navigate().refresh();
        wait(30).until(driver -> "true".equals(js("return document.documentElement.dataset.ready || 'false';")));
        assertEquals("secret-key", browser.findElement(By.id("api-key")).getDomProperty("value"));
        js("sessionStorage.clear();");

        String policy = given().when().get("/").then().statusCode(200).extract().header("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertTrue(given().when().get("/v1/languages").then().extract().header("Content-Security-Policy")
                .startsWith("default-src 'none'; style-src 'unsafe-inline'"), "the API keeps the default policy");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    private void open() {
        open("");
    }

    private void open(String query) {
        browser.get(root + query);
        wait(30).until(driver -> "true".equals(js("return document.documentElement.dataset.ready || 'false';")));
    }

    /** Puts the text in the article field as a paste would (one input event, not a key press per character). */
    private void paste(String text) {
        WebElement source = browser.findElement(By.id("source"));
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                source, text);
    }

    /** Opens the page (with the query) and pastes the article, unless article is null (already pasted). */
    private void translate(String article, String decoding, String query) {
        if (article != null) {
            open(query);
            paste(article);
        }
        browser.findElement(By.cssSelector("input[name=decoding][value=" + decoding + "]")).click();
        browser.findElement(By.id("translate")).click();
        wait(300).until(driver -> "done".equals(js("return document.getElementById('result').dataset.state || '';"))
                || browser.findElement(By.id("error")).isDisplayed());
        assertFalse(browser.findElement(By.id("error")).isDisplayed(),
                () -> "the page shows an error: " + browser.findElement(By.id("error")).getText());
        System.out.printf("browser: first paragraph after %s ms; %s%n",
                browser.findElement(By.id("result")).getDomAttribute("data-first-paragraph-ms"),
                browser.findElement(By.id("summary")).getText());
    }

    /**
     * Every paragraph of the input is one pair, in order; its Dutch sentences are the service's sentences of that
     * paragraph (POST /v1/translate, same options) and rebuild it; each English sentence is its partner's translation,
     * scored, and marked low-confidence exactly when its score is under the page's threshold.
     */
    private int assertAligned(String article, int beams) {
        List<String> paragraphs = Arrays.stream(article.strip().split("\\R\\s*\\R")).map(String::strip).toList();
        JsonPath expected = given().contentType("application/json")
                .body(Map.of("text", article, "options", Map.of("beams", beams)))
                .when().post("/v1/translate").then().statusCode(200).extract().jsonPath();
        List<WebElement> pairs = browser.findElements(By.cssSelector("#aligned > .pair"));
        assertEquals(paragraphs.size(), pairs.size(), "one pair per paragraph of the input");
        double threshold = Double.parseDouble(browser.findElement(By.id("aligned"))
                .getDomAttribute("data-low-confidence-below"));
        int scored = 0;
        int low = 0;
        for (int p = 0; p < pairs.size(); p++) {
            WebElement pair = pairs.get(p);
            assertEquals(String.valueOf(p), pair.getDomAttribute("data-index"), "pairs in article order");
            List<WebElement> dutch = pair.findElements(By.cssSelector(".side.nl .sentence"));
            List<WebElement> english = pair.findElements(By.cssSelector(".side.en .sentence"));
            List<String> sources = expected.getList("paragraphs[" + p + "].sentences.source", String.class);
            List<String> targets = expected.getList("paragraphs[" + p + "].sentences.target", String.class);
            assertEquals(sources, dutch.stream().map(s -> s.getDomProperty("textContent")).toList(),
                    "paragraph " + p + ": the Dutch sentences");
            assertEquals(paragraphs.get(p).replaceAll("\\s+", " "),
                    String.join(" ", sources).replaceAll("\\s+", " "), "paragraph " + p + " rebuilt from them");
            assertEquals(targets, english.stream().map(s -> s.getDomProperty("textContent")).toList(),
                    "paragraph " + p + ": the English sentences, one per Dutch one");
            for (int s = 0; s < english.size(); s++) {
                WebElement sentence = english.get(s);
                assertEquals("s" + p + "-" + s + "-nl", sentence.getDomAttribute("data-partner"));
                String score = sentence.getDomAttribute("data-score");
                assertTrue(score != null, "every English sentence carries its score");
                scored++;
                boolean marked = sentence.getDomAttribute("class").contains("low-confidence");
                assertEquals(Double.parseDouble(score) < threshold, marked,
                        "paragraph " + p + " sentence " + s + " (score " + score + ") marked by its score");
                low += marked ? 1 : 0;
            }
        }
        System.out.printf("browser: %d pairs, %d sentences scored, %d marked low-confidence (under %s)%n",
                pairs.size(), scored, low, threshold);
        return low;
    }

    /** Hovering an English sentence highlights its Dutch partner (and only while hovered). */
    private void assertHoverHighlightsThePartner() {
        List<WebElement> english = browser.findElements(By.cssSelector("#aligned .side.en .sentence"));
        WebElement first = english.getFirst();
        WebElement last = english.getLast();
        new Actions(browser).moveToElement(last).perform();
        WebElement lastPartner = browser.findElement(By.id(last.getDomAttribute("data-partner")));
        assertTrue(lastPartner.getDomAttribute("class").contains("highlight"), "the hovered sentence's partner");
        new Actions(browser).moveToElement(first).perform();
        WebElement firstPartner = browser.findElement(By.id(first.getDomAttribute("data-partner")));
        assertTrue(firstPartner.getDomAttribute("class").contains("highlight"));
        assertTrue(first.getDomAttribute("class").contains("highlight"));
        assertFalse(lastPartner.getDomAttribute("class").contains("highlight"), "the highlight follows the pointer");

        // the keyboard too: focusing a Dutch sentence highlights its English partner (and stays for the screenshot)
        new Actions(browser).moveToElement(browser.findElement(By.tagName("h1"))).perform();
        WebElement dutch = browser.findElement(By.id("s1-0-nl"));
        js("arguments[0].focus();", dutch);
        assertTrue(browser.findElement(By.id("s1-0-en")).getDomAttribute("class").contains("highlight"),
                "focus highlights the partner");
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                // the refusal test's 413 is logged by the browser as a failed resource; it is what that test wants
                .filter(entry -> !entry.getMessage().contains("status of 413"))
                .toList();
        assertTrue(errors.isEmpty(), "console errors (a CSP violation is one): " + errors);
    }

    private Path waitForDownload(String suffix) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            try (Stream<Path> files = Files.list(DOWNLOADS)) {
                List<Path> done = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
                if (!done.isEmpty()) {
                    return done.getFirst();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + suffix + " file in " + DOWNLOADS.toAbsolutePath());
    }

    /** The whole page, not just the window: the window grows to the page's height first. */
    private void screenshot(String name) {
        Dimension before = browser.manage().window().getSize();
        long height = (Long) js("return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 6000)));
        try {
            Files.write(OUT.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(before);
        }
        System.out.println("browser: screenshot " + OUT.resolve(name).toAbsolutePath());
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
