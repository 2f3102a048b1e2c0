package dev.nlen.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One table per Dutch boundary rule: a paragraph in, the exact sentences out, invariants checked on each. */
class DutchBoundaryRulesTest {

    private static final ArticleSegmenter SEGMENTER = new ArticleSegmenter();

    /** ,, „ " ' open a new sentence after a sentence end, with or without a space after the mark. */
    static Stream<Arguments> openingQuotes() {
        return Stream.of(
                row("De trainer was tevreden. ,,Wat vandaag gebeurde, is uniek.''",
                        "De trainer was tevreden.", ",,Wat vandaag gebeurde, is uniek.''"),
                row("Het klooster telt nog twaalf zusters. ,, Het is ook een manier van leven '', zegt zij.",
                        "Het klooster telt nog twaalf zusters.", ",, Het is ook een manier van leven '', zegt zij."),
                row("De minister zweeg. „Daar ga ik niet over”, zei ze later.",
                        "De minister zweeg.", "„Daar ga ik niet over”, zei ze later."),
                row("Het water steeg snel. \"We moesten het huis uit\", vertelt een bewoner.",
                        "Het water steeg snel.", "\"We moesten het huis uit\", vertelt een bewoner."),
                row("Ajax verloor met 2-0. 'Dit doet pijn', aldus de aanvoerder.",
                        "Ajax verloor met 2-0.", "'Dit doet pijn', aldus de aanvoerder."),
                row("Wie betaalt de rekening? ,,Niet de burger'', zegt de wethouder. ,,Wij doen dat.''",
                        "Wie betaalt de rekening?", ",,Niet de burger'', zegt de wethouder.", ",,Wij doen dat.''"),
                row("Hij aarzelde even. ,,12 procent is te weinig.''",
                        "Hij aarzelde even.", ",,12 procent is te weinig.''"),
                row("Zij lachte. ,,'s Ochtends ben ik nergens.''", "Zij lachte.", ",,'s Ochtends ben ik nergens.''"),
                row("Het duurde lang. \" En toen kwam de politie \", zegt hij.",
                        "Het duurde lang.", "\" En toen kwam de politie \", zegt hij."),
                row("Zij keek op. ,,o, ben jij het'', zei ze.", "Zij keek op. ,,o, ben jij het'', zei ze."),
                row("De zaak is rond, zei hij: ,,Dr. Jansen tekent morgen.''",
                        "De zaak is rond, zei hij: ,,Dr. Jansen tekent morgen.''"));
    }

    /** A closing quote after a space belongs to the sentence it closes, also at the end of the paragraph. */
    static Stream<Arguments> closingQuotes() {
        return Stream.of(
                row("Hij zei: ,,Het moet beter. '' Er zijn teams die harder werken.",
                        "Hij zei: ,,Het moet beter. ''", "Er zijn teams die harder werken."),
                row("Iedereen mag trouwen zoals hij of zij wil. ''",
                        "Iedereen mag trouwen zoals hij of zij wil. ''"),
                row("Ze zegt: ,,Iedereen mag trouwen zoals hij of zij wil. ''",
                        "Ze zegt: ,,Iedereen mag trouwen zoals hij of zij wil. ''"),
                row("\"Ik kom niet terug . \" De deur viel dicht.",
                        "\"Ik kom niet terug . \"", "De deur viel dicht."),
                row("„Wij stoppen ermee. ” Daarmee was de kous af.",
                        "„Wij stoppen ermee. ”", "Daarmee was de kous af."),
                row("'Niemand wist ervan. ' Toch lekte het uit.", "'Niemand wist ervan. '", "Toch lekte het uit."),
                row("Hij riep: ,,Weg hier! '' Toen rende hij.", "Hij riep: ,,Weg hier! ''", "Toen rende hij."),
                row("„Komt u ook? ” vroeg de agent. Ik knikte.", "„Komt u ook? ” vroeg de agent.", "Ik knikte."),
                row("Zij schreef: \"Tot ziens.\" ", "Zij schreef: \"Tot ziens.\""),
                row("Het moet beter . \" Er zijn teams die harder werken .", "Het moet beter . \"",
                        "Er zijn teams die harder werken ."),
                row("Ajax verloor . ' Dit doet pijn . ' Er volgt een analyse .", "Ajax verloor .",
                        "' Dit doet pijn . '", "Er volgt een analyse ."),
                row("Hij ging weg. ” ", "Hij ging weg. ”"),
                row("Het bord zegt 'Verboden toegang.' Niemand lette erop.",
                        "Het bord zegt 'Verboden toegang.'", "Niemand lette erop."));
    }

    /** v. Chr., n. Chr., z., d., p. are not boundaries; "u." and "Chr." before a capital are. */
    static Stream<Arguments> lowerCaseLetters() {
        return Stream.of(
                row("De stad werd gesticht rond 330 v. Chr. Bijna 1000 jaar later verdween ze.",
                        "De stad werd gesticht rond 330 v. Chr.", "Bijna 1000 jaar later verdween ze."),
                row("Hij regeerde van 14 n. Chr. tot zijn dood. Zijn zoon volgde hem op.",
                        "Hij regeerde van 14 n. Chr. tot zijn dood.", "Zijn zoon volgde hem op."),
                row("Het beeld dateert uit de 2e eeuw n. Chr. Het staat nu in Leiden.",
                        "Het beeld dateert uit de 2e eeuw n. Chr.", "Het staat nu in Leiden."),
                row("Zie p. 14 en p. 22 van het verslag. Daar staan de cijfers.",
                        "Zie p. 14 en p. 22 van het verslag.", "Daar staan de cijfers."),
                row("Seneca leefde van 4 v. Chr. tot 65 n. Chr. Hij schreef veel brieven.",
                        "Seneca leefde van 4 v. Chr. tot 65 n. Chr.", "Hij schreef veel brieven."),
                row("Het boek is geschreven door Hooft e. a. Amsterdam gaf het uit.",
                        "Het boek is geschreven door Hooft e. a. Amsterdam gaf het uit."),
                row("De brief werd gericht aan z. Exc. de minister. Die antwoordde niet.",
                        "De brief werd gericht aan z. Exc. de minister.", "Die antwoordde niet."),
                row("Deze stoel is voor u. Neemt u plaats.", "Deze stoel is voor u.", "Neemt u plaats."));
    }

    /** A capital letter is an initial only when a name follows. */
    static Stream<Arguments> capitalLetters() {
        return Stream.of(
                row("Het eiland ligt op 52° 18' N en 04° 02' E. De verwachte storm trekt noordwaarts.",
                        "Het eiland ligt op 52° 18' N en 04° 02' E.", "De verwachte storm trekt noordwaarts."),
                row("Het bewijs volgt uit de gelijkheid A = B. Hij geeft aan hoe dat werkt.",
                        "Het bewijs volgt uit de gelijkheid A = B.", "Hij geeft aan hoe dat werkt."),
                row("Citrusvruchten bevatten veel vitamine C. Dat is gezond.",
                        "Citrusvruchten bevatten veel vitamine C.", "Dat is gezond."),
                row("Het gaat om bijlage B. Die ontbrak in het dossier.", "Het gaat om bijlage B.",
                        "Die ontbrak in het dossier."),
                row("De rol gaat naar J. P. Balkenende. Hij aanvaardt haar.", "De rol gaat naar J. P. Balkenende.",
                        "Hij aanvaardt haar."),
                row("Minister K. De Gucht sprak in Gent. Het publiek applaudisseerde.",
                        "Minister K. De Gucht sprak in Gent.", "Het publiek applaudisseerde."),
                row("Het rapport is van H. Van der Laan. Het telt 80 pagina's.",
                        "Het rapport is van H. Van der Laan.", "Het telt 80 pagina's."),
                row("Volgens W. Hermans is het te laat. Anderen denken van niet.",
                        "Volgens W. Hermans is het te laat.", "Anderen denken van niet."),
                row("Hij trouwde met Isabella, de zus van keizer Karel V. Filips II was zijn neef.",
                        "Hij trouwde met Isabella, de zus van keizer Karel V.", "Filips II was zijn neef."),
                row("De vuurtoren staat op 53° 10' N. Amsterdam ligt zuidelijker.", "De vuurtoren staat op 53° 10' N.",
                        "Amsterdam ligt zuidelijker."),
                row("Plan B. Het werkt niet altijd.", "Plan B.", "Het werkt niet altijd."),
                row("Ze won in groep A. 3 spelers gingen door.", "Ze won in groep A.", "3 spelers gingen door."));
    }

    /** A dash line run into the paragraph after a sentence end starts a sentence; a bare ordinal ends none. */
    static Stream<Arguments> listLines() {
        return Stream.of(
                row("Is de zaal op die datum nog vrij? - 18 augustus 2004", "Is de zaal op die datum nog vrij?",
                        "- 18 augustus 2004"),
                row("De agenda is als volgt. - Opening door de voorzitter. - Vaststelling van de notulen.",
                        "De agenda is als volgt.", "- Opening door de voorzitter.", "- Vaststelling van de notulen."),
                row("Het kabinet viel. – Lees ook: de reacties uit Den Haag",
                        "Het kabinet viel.", "– Lees ook: de reacties uit Den Haag"),
                row("Hij won goud! - en daarna nog zilver.", "Hij won goud! - en daarna nog zilver."),
                row("AMSTERDAM - De politie heeft een man aangehouden. Hij is 34.",
                        "AMSTERDAM - De politie heeft een man aangehouden.", "Hij is 34."),
                row("Twee punten. 1. De kosten zijn hoog. 2. De baten zijn laag.",
                        "Twee punten.", "1. De kosten zijn hoog.", "2. De baten zijn laag."),
                row("Programma van de dag: - 10.00 uur: opening. - 12.00 uur: lunch.", "Programma van de dag:",
                        "- 10.00 uur: opening.", "- 12.00 uur: lunch."),
                row("Erasmus (Rotterdam, 1466? - Bazel, 1536) was humanist. Hij schreef in het Latijn.",
                        "Erasmus (Rotterdam, 1466? - Bazel, 1536) was humanist.", "Hij schreef in het Latijn."),
                row("Het aantal doden steeg tot 12. 3 mensen worden vermist.",
                        "Het aantal doden steeg tot 12.", "3 mensen worden vermist."));
    }

    private static Arguments row(String paragraph, String... sentences) {
        return Arguments.of(paragraph, List.of(sentences));
    }

    @ParameterizedTest
    @MethodSource("openingQuotes")
    void openingQuotesStartASentence(String paragraph, List<String> expected) {
        assertSentences(paragraph, expected);
    }

    @ParameterizedTest
    @MethodSource("closingQuotes")
    void closingQuotesStayWithTheirSentence(String paragraph, List<String> expected) {
        assertSentences(paragraph, expected);
    }

    @ParameterizedTest
    @MethodSource("lowerCaseLetters")
    void lowerCaseLettersAreAbbreviations(String paragraph, List<String> expected) {
        assertSentences(paragraph, expected);
    }

    @ParameterizedTest
    @MethodSource("capitalLetters")
    void capitalLettersAreInitialsOnlyBeforeNames(String paragraph, List<String> expected) {
        assertSentences(paragraph, expected);
    }

    @ParameterizedTest
    @MethodSource("listLines")
    void listLinesSplitOff(String paragraph, List<String> expected) {
        assertSentences(paragraph, expected);
    }

    private static void assertSentences(String paragraph, List<String> expected) {
        SegmentedArticle article = SEGMENTER.segment(paragraph);
        SegmentationInvariants.assertExact(article);
        assertEquals(expected, article.sentences().stream().map(s -> s.text(paragraph)).toList());
    }
}
