package dev.nlen.api.deepl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deepl.api.DeepLException;
import com.deepl.api.Language;
import com.deepl.api.SentenceSplittingMode;
import com.deepl.api.TextResult;
import com.deepl.api.TextTranslationOptions;
import com.deepl.api.Translator;
import com.deepl.api.TranslatorOptions;
import com.deepl.api.Usage;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The official DeepL Java client (com.deepl.api:deepl-java 1.10.0) against this service, on the hand-weighted stand-in. */
@QuarkusTest
class DeepLClientTest {

    @TestHTTPResource("/")
    URL base;

    private Translator client(String key) {
        String server = base.toString().replaceAll("/$", "");
        return new Translator(key, new TranslatorOptions().setServerUrl(server).setMaxRetries(0));
    }

    @Test
    void translatesOneText() throws Exception {
        TextResult result = client("any-key").translateText("De kat zit op de mat.", null, "en-GB");
        assertEquals("The cat sits on the mat.", result.getText());
        assertEquals("nl", result.getDetectedSourceLanguage());
    }

    @Test
    void translatesAListInOrder() throws Exception {
        List<TextResult> results = client("any-key").translateText(
                List.of("Ik lees een boek.", "De kat zit op de mat.", "Wij zijn blij!"), "nl", "en-US");
        assertEquals(List.of("I read a book.", "The cat sits on the mat.", "We are happy!"),
                results.stream().map(TextResult::getText).toList());
    }

    @Test
    void sentenceSplittingModes() throws Exception {
        String text = "De kat zit op de mat.\nIk lees een boek.";
        Translator client = client("any-key");
        assertEquals("The cat sits on the mat.\nI read a book.", client.translateText(text, "nl", "en-GB",
                new TextTranslationOptions().setSentenceSplittingMode(SentenceSplittingMode.All)).getText());
        assertEquals("The cat sits on the mat. I read a book.", client.translateText(text, "nl", "en-GB",
                new TextTranslationOptions().setSentenceSplittingMode(SentenceSplittingMode.NoNewlines)).getText());
        String whole = client.translateText(text, "nl", "en-GB",
                new TextTranslationOptions().setSentenceSplittingMode(SentenceSplittingMode.Off)).getText();
        assertFalse(whole.isBlank());
    }

    @Test
    void htmlTagHandlingKeepsTheMarkup() throws Exception {
        String html = "<h1>Het huis is oud.</h1><p>De kat zit op de mat. <b>Wij zijn blij!</b></p>"
                + "<p><code>Ik lees een boek.</code></p>";
        String out = client("any-key").translateText(html, "nl", "en-GB",
                new TextTranslationOptions().setTagHandling("html")).getText();
        assertEquals("<h1>The house is old.</h1><p>The cat sits on the mat. <b>We are happy!</b></p>"
                + "<p><code>Ik lees een boek.</code></p>", out);
        String ignored = client("any-key").translateText("<p>Een kind eet brood. <keep>Ik lees een boek.</keep></p>",
                "nl", "en-GB", new TextTranslationOptions().setTagHandling("xml").setIgnoreTags(List.of("keep")))
                .getText();
        assertTrue(ignored.contains("A child eats bread.") && ignored.contains("<keep>Ik lees een boek.</keep>"), ignored);
    }

    @Test
    void usageCountsCharacters() throws Exception {
        Translator client = client("any-key");
        client.translateText("Een kind eet brood.", null, "en-GB");
        Usage usage = client.getUsage();
        assertTrue(usage.getCharacter().getCount() >= "Een kind eet brood.".length(), usage.toString());
        assertTrue(usage.getCharacter().getLimit() > usage.getCharacter().getCount());
        assertFalse(usage.anyLimitReached());
    }

    @Test
    void languages() throws Exception {
        Translator client = client("any-key");
        assertEquals(List.of("nl"), client.getSourceLanguages().stream().map(Language::getCode).toList());
        List<Language> targets = client.getTargetLanguages();
        assertEquals(List.of("en-GB", "en-US"), targets.stream().map(Language::getCode).toList());
        assertTrue(targets.stream().noneMatch(l -> Boolean.TRUE.equals(l.getSupportsFormality())));
    }

    @Test
    void unsupportedTargetIsTheClientsException() {
        DeepLException e = assertThrows(DeepLException.class,
                () -> client("any-key").translateText("De kat zit op de mat.", null, "de"));
        assertTrue(e.getMessage().contains("target_lang"), e.getMessage());
    }
}
