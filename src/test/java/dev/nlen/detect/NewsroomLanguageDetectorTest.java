package dev.nlen.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The detector on a few languages: Dutch news sentences are Dutch, others are told apart, guesses are ordered. */
class NewsroomLanguageDetectorTest {

    private static NewsroomLanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = NewsroomLanguageDetector.load(List.of("nl", "en", "de", "fr"));
    }

    @Test
    void tellsTheLanguagesApart() {
        assertEquals("nl", top("Het kabinet presenteert vandaag de begroting voor het komende jaar."));
        assertEquals("nl", top("Volgens de burgemeester is de nieuwe brug volgend voorjaar klaar."));
        assertEquals("en", top("The mayor says the new bridge will be finished next spring."));
        assertEquals("de", top("Der Bürgermeister sagt, die neue Brücke sei im nächsten Frühjahr fertig."));
        assertEquals("fr", top("Le maire affirme que le nouveau pont sera terminé au printemps prochain."));
    }

    @Test
    void guessesAreOrderedConfidences() {
        List<LanguageGuess> guesses = detector.guesses("De gemeenteraad vergadert morgenavond over de begroting.");
        assertEquals("nl", guesses.getFirst().language());
        for (int i = 1; i < guesses.size(); i++) {
            assertTrue(guesses.get(i - 1).confidence() >= guesses.get(i).confidence(), guesses.toString());
        }
        assertTrue(guesses.getFirst().confidence() > 0.5, guesses.toString());
    }

    @Test
    void refusesUnknownCodesAndSingleLanguages() {
        assertThrows(IllegalArgumentException.class, () -> NewsroomLanguageDetector.load(List.of("nl", "xx")));
        assertThrows(IllegalArgumentException.class, () -> NewsroomLanguageDetector.load(List.of("nl")));
    }

    private static String top(String text) {
        return detector.guesses(text).getFirst().language();
    }
}
