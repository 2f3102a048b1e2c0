package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One paragraph in, the exact sentence list out. */
class DutchSentenceCasesTest {

    private static final ArticleSegmenter SEGMENTER = new ArticleSegmenter();

    static Stream<Arguments> cases() {
        return Stream.of(
                row("Hij sprak met dhr. Jansen. Daarna ging hij.", "Hij sprak met dhr. Jansen.", "Daarna ging hij."),
                row("Dhr. Jansen kwam. Hij bleef.", "Dhr. Jansen kwam.", "Hij bleef."),
                row("Zij belde mevr. De Vries. Die nam op.", "Zij belde mevr. De Vries.", "Die nam op."),
                row("Volgens prof. dr. Bakker klopt het. Anderen twijfelen.",
                        "Volgens prof. dr. Bakker klopt het.", "Anderen twijfelen."),
                row("Prof.dr.ir. Smit sprak. Het publiek luisterde.", "Prof.dr.ir. Smit sprak.", "Het publiek luisterde."),
                row("Er kwamen o.a. Piet en Kees. Zij bleven lang.", "Er kwamen o.a. Piet en Kees.", "Zij bleven lang."),
                row("Neem bijv. Amsterdam. Daar is het druk.", "Neem bijv. Amsterdam.", "Daar is het druk."),
                row("Zie blz. 12 van het rapport. Daar staat het.", "Zie blz. 12 van het rapport.", "Daar staat het."),
                row("Lees blz. 5 e.v. Daar staat meer.", "Lees blz. 5 e.v. Daar staat meer."),
                row("Het stijgt t.o.v. Duitsland. Dat is goed.", "Het stijgt t.o.v. Duitsland.", "Dat is goed."),
                row("Het is a.s. Pasen. Kom ook.", "Het is a.s. Pasen.", "Kom ook."),
                row("Hij betaalt, d.w.z. Jan betaalt. Wij niet.", "Hij betaalt, d.w.z. Jan betaalt.", "Wij niet."),
                row("Het besluit m.b.t. Europa volgt. Later meer.", "Het besluit m.b.t. Europa volgt.", "Later meer."),
                row("Hij nam i.p.v. De Lijn de trein. Dat was sneller.",
                        "Hij nam i.p.v. De Lijn de trein.", "Dat was sneller."),
                row("Zij woont op nr. 5. De buren ook.", "Zij woont op nr. 5.", "De buren ook."),
                row("Philips N.V. Nederland groeit. De aandelen stijgen.",
                        "Philips N.V. Nederland groeit.", "De aandelen stijgen."),
                row("Op 15 Jan. 2019 begon het. Daarna niet meer.", "Op 15 Jan. 2019 begon het.", "Daarna niet meer."),
                row("Ik zag Jan. Hij zag mij.", "Ik zag Jan.", "Hij zag mij."),
                row("K. Ollongren is minister. Zij sprak.", "K. Ollongren is minister.", "Zij sprak."),
                row("J.P. Balkenende was premier. Hij kwam uit Zeeland.",
                        "J.P. Balkenende was premier.", "Hij kwam uit Zeeland."),
                row("De trein vertrekt om 7.30 uur. Wees op tijd.", "De trein vertrekt om 7.30 uur.", "Wees op tijd."),
                row("De schade bedraagt 1,2 mld. euro. Dat is veel.", "De schade bedraagt 1,2 mld. euro.", "Dat is veel."),
                row("De schade bedraagt 1,2 mld. De verzekeraar betaalt.",
                        "De schade bedraagt 1,2 mld.", "De verzekeraar betaalt."),
                row("Hij wachtte... Niemand kwam.", "Hij wachtte...", "Niemand kwam."),
                row("Hij wachtte… Niemand kwam.", "Hij wachtte…", "Niemand kwam."),
                row("Hij wachtte... en wachtte.", "Hij wachtte... en wachtte."),
                row("\"Wij gaan,\" zei hij. \"Nu.\"", "\"Wij gaan,\" zei hij.", "\"Nu.\""),
                row("„Wij gaan,” zei hij. „Nu.” Ze liepen weg.", "„Wij gaan,” zei hij.", "„Nu.”", "Ze liepen weg."),
                row("‘Wij gaan.’ Hij ging.", "‘Wij gaan.’", "Hij ging."),
                row("Komt hij? Ja! Zeker weten.", "Komt hij?", "Ja!", "Zeker weten."),
                row("\"Waarom?\" vroeg hij. Niemand wist het.", "\"Waarom?\" vroeg hij.", "Niemand wist het."),
                row("Hij riep: \"Kom hier!\" Niemand kwam.", "Hij riep: \"Kom hier!\"", "Niemand kwam."),
                row("Wat? 3 mensen kwamen opdagen.", "Wat?", "3 mensen kwamen opdagen."),
                row("Hij kwam om 7 uur. 12 mensen wachtten.", "Hij kwam om 7 uur.", "12 mensen wachtten."),
                row("Het was laat. 's Avonds at hij thuis.", "Het was laat.", "'s Avonds at hij thuis."),
                row("Appels, peren enz. De rest bleef liggen.", "Appels, peren enz.", "De rest bleef liggen."),
                row("Hij was fan van Ajax, PSV e.d. Zijn vrouw niet.", "Hij was fan van Ajax, PSV e.d.", "Zijn vrouw niet."),
                row("Het was een topjaar voor Philips c.s. De rest bleef achter.", "Het was een topjaar voor Philips c.s.",
                        "De rest bleef achter."),
                row("Appels, peren enz. en nog meer.", "Appels, peren enz. en nog meer."),
                row("Hij sprak met de VS. Daarna met China.", "Hij sprak met de VS.", "Daarna met China."),
                row("Dit boek is voor u. Veel plezier.", "Dit boek is voor u.", "Veel plezier."),
                row("Een emoji 😀. Nog een 👍🏽! Klaar.", "Een emoji 😀.", "Nog een 👍🏽!", "Klaar."),
                row("De hoofdplaats is Den Burg. Andere dorpen zijn kleiner.", "De hoofdplaats is Den Burg.",
                        "Andere dorpen zijn kleiner."),
                row("Ajax vs. PSV eindigde in 2-2. Het was spannend.", "Ajax vs. PSV eindigde in 2-2.", "Het was spannend."),
                row("Bezoek www.nu.nl. Daar staat meer.", "Bezoek www.nu.nl.", "Daar staat meer."),
                row("Zie art. 5 van de wet. Dat is duidelijk.", "Zie art. 5 van de wet.", "Dat is duidelijk."),
                row("Ca. 300 mensen kwamen. Het was druk.", "Ca. 300 mensen kwamen.", "Het was druk."),
                row("De oorlog (1950-1953) eindigde nooit. Er is geen vrede.",
                        "De oorlog (1950-1953) eindigde nooit.", "Er is geen vrede."),
                row("Hij kwam\nthuis. Zij\r\nook.", "Hij kwam\nthuis.", "Zij\r\nook."),
                row("Het kost 3,5 procent.Daarna niets.", "Het kost 3,5 procent.Daarna niets."),
                row("Hij zei het  (met dr.  Bos).   Toen ging hij.", "Hij zei het  (met dr.  Bos).", "Toen ging hij."));
    }

    private static Arguments row(String paragraph, String... sentences) {
        return Arguments.of(paragraph, List.of(sentences));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void splitsIntoExactlyTheseSentences(String paragraph, List<String> expected) {
        SegmentedArticle article = SEGMENTER.segment(paragraph);

        List<String> actual = article.sentences().stream().map(s -> s.text(paragraph)).toList();

        assertEquals(expected, actual);
        assertEquals(1, article.paragraphs().size());
    }
}
