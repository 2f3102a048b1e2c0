package dev.nlen.text;

import java.util.Set;

/**
 * Dutch abbreviations after which a period does not end a sentence. Matching is on the whole white-space-delimited
 * word (opening quotes and brackets stripped), so "VS." is not mistaken for an initial and "o.a." is recognised
 * as one word. A word is an abbreviation when it ends in a period and
 * <ul>
 *   <li>its dot-separated parts are all single letters and there are at least two ({@code o.a., d.w.z., t.o.v.,
 *       i.p.v., a.s., e.v., N.V., J.P.}); or</li>
 *   <li>it is one lower-case letter ({@code v. Chr., n. Chr., z., d., p. 12}) other than the pronoun "u"; or</li>
 *   <li>it is one capital letter and what follows looks like a name: another initial or a capitalised word that is
 *       not a common sentence opener ({@code K. Ollongren}, {@code J. P. Balkenende}, {@code K. De Gucht}), but
 *       not {@code 02' E. De verwachte storm} or {@code A = B. Hij geeft aan}; or</li>
 *   <li>every part is a known title or abbreviation ({@code dr., prof.dr., bijv., blz.}), written in lower case
 *       or with a capital first letter; or</li>
 *   <li>it is a month ({@code jan.}, {@code Jan.}, {@code sept.}) and the next word starts with a digit
 *       ({@code 15 jan. 2019}); otherwise "Jan." is a name that may end a sentence.</li>
 * </ul>
 * Deliberately absent: {@code enz.} and {@code etc.} (they usually close an enumeration at the end of a sentence;
 * before a lower-case word no break is made anyway), {@code mld.} and {@code mln.} (same), {@code Chr.} ("330
 * v. Chr. Bijna 1000 jaar later"), and "u." ("Dit is voor u.").
 */
final class DutchAbbreviations {

    private static final Set<String> WORDS = Set.of(
            "dhr", "mevr", "mw", "mej", "prof", "dr", "drs", "ir", "ing", "mr", "ds", "mgr", "jhr", "st", "sr", "jr",
            "bijv", "bv", "blz", "pag", "nr", "nrs", "ca", "resp", "incl", "excl", "vgl", "zgn", "zg", "evt",
            "ong", "max", "min", "art", "fig", "tel", "hfst", "afb", "vs", "pp", "kol", "lt", "weth",
            "kard", "br", "zr", "bijl", "par", "vnl", "aant", "dept", "inl");

    /** Abbreviations that close an enumeration ("en andere", "en dergelijke", "cum suis"): before a common
     * sentence opener they end the sentence, before what looks like a name they do not (Hooft e.a. Amsterdam). */
    private static final Set<String> ENUMERATION_ENDS = Set.of("e.a.", "e.d.", "c.s.");

    /** Name particles that are capitalised in Belgian and sentence-initial names: K. De Gucht, H. Van Rompuy. */
    private static final Set<String> PARTICLES = Set.of(
            "De", "Den", "Der", "Van", "Ter", "Ten", "Te", "Le", "La", "Du", "Di", "Da", "Del", "Von", "Op", "In");

    /** Lower-case particles that may follow a capitalised one: Van der Laan, De la Rie, Van 't Hek. */
    private static final Set<String> INNER_PARTICLES = Set.of("de", "der", "den", "het", "'t", "la", "le", "van");

    /**
     * Frequent Dutch words that open a sentence and are no surname: after a capital letter and a period they mean
     * the letter ended the sentence (vitamine C. Dit, A = B. Hij).
     */
    private static final Set<String> SENTENCE_OPENERS = Set.of(
            "Het", "Een", "Die", "Dat", "Deze", "Dit", "Daar", "Daarna", "Daarom", "Daardoor", "Daarbij", "Dan",
            "Toen", "Nu", "Ook", "Maar", "En", "Of", "Want", "Als", "Omdat", "Hoewel", "Hij", "Zij", "Ze", "Wij",
            "We", "Ik", "Jij", "Je", "Jullie", "U", "Hun", "Hem", "Zijn", "Haar", "Mijn", "Ons", "Onze", "Er", "Hier",
            "Met", "Voor", "Na", "Bij", "Volgens", "Tijdens", "Wat", "Wie", "Waar", "Hoe", "Waarom", "Wanneer",
            "Welke", "Geen", "Niet", "Alle", "Alles", "Veel", "Vooral", "Zo", "Al", "Toch", "Wel", "Inmiddels",
            "Sinds", "Tot", "Door", "Om", "Uit", "Aan", "Over", "Onder", "Tegen", "Zonder", "Ondanks", "Binnen",
            "Naast", "Eerder", "Later", "Vervolgens", "Bovendien", "Verder", "Zowel", "Elke", "Ieder", "Iedereen",
            "Niemand", "Sommige", "Andere", "Beide", "Men", "Is", "Was", "Werd", "Wordt", "Kan", "Heeft", "Had",
            "Zal", "Moet", "Mag", "Wil", "Ja", "Nee", "Dus", "Echter", "Hierdoor", "Hierbij", "Meer", "Nog");

    private static final Set<String> MONTHS = Set.of(
            "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec");

    private DutchAbbreviations() {
    }

    /**
     * Whether a period at the end of {@code word} belongs to an abbreviation.
     *
     * @param previousWord the word before {@code word} (may be empty)
     * @param word      the word before the candidate break, opening punctuation already stripped
     * @param nextWord  the word after the break, opening quotes stripped (may be empty)
     * @param afterNext the word after that (may be empty)
     */
    static boolean endsInAbbreviation(String previousWord, String word, String nextWord, String afterNext) {
        if (word.length() < 2 || word.charAt(word.length() - 1) != '.') {
            return false;
        }
        String[] parts = word.substring(0, word.length() - 1).split("\\.", -1);
        if (parts.length == 1 && MONTHS.contains(uncapitalized(parts[0]))) {
            return !nextWord.isEmpty() && Character.isDigit(nextWord.charAt(0));
        }
        if (parts.length == 1 && isSingleLetter(parts[0])) {
            int letter = parts[0].codePointAt(0);
            if (!Character.isUpperCase(letter)) {
                return letter != 'u';
            }
            return !isRegnalNumber(letter, previousWord) && !isCompassPoint(letter, previousWord)
                    && looksLikeName(nextWord, afterNext);
        }
        if (ENUMERATION_ENDS.contains(word) && !looksLikeName(nextWord, afterNext)) {
            return false; // Ajax, PSV e.d. Zijn vrouw niet.
        }
        boolean allLetters = true;
        boolean allKnown = true;
        for (String part : parts) {
            allLetters &= isSingleLetter(part);
            allKnown &= isSingleLetter(part) || WORDS.contains(uncapitalized(part));
        }
        return (parts.length > 1 && allLetters) || allKnown;
    }

    /** I, V, X after a capitalised name: Willem I, Karel V. */
    private static boolean isRegnalNumber(int letter, String previousWord) {
        return (letter == 'I' || letter == 'V' || letter == 'X') && !previousWord.isEmpty()
                && Character.isUpperCase(previousWord.codePointAt(0)) && previousWord.chars().allMatch(Character::isLetter);
    }

    /** N, O, Z, W, E, S after a degree or minute mark: 52° 05' N. */
    private static boolean isCompassPoint(int letter, String previousWord) {
        return "NOZWES".indexOf(letter) >= 0 && !previousWord.isEmpty()
                && "°'′″\"".indexOf(previousWord.charAt(previousWord.length() - 1)) >= 0;
    }

    /** Whether {@code next} (and the word after it) reads as the rest of a name after an initial. */
    private static boolean looksLikeName(String next, String afterNext) {
        String bare = bare(next);
        if (bare.matches("\\p{Lu}(\\.\\p{Lu})*\\.")) {
            return true; // another initial: J. P. Balkenende
        }
        if (bare.isEmpty() || !Character.isUpperCase(bare.codePointAt(0))) {
            return false;
        }
        if (PARTICLES.contains(bare)) {
            return !afterNext.isEmpty()
                    && (Character.isUpperCase(afterNext.codePointAt(0)) || INNER_PARTICLES.contains(afterNext));
        }
        return !SENTENCE_OPENERS.contains(bare);
    }

    /** The word without trailing punctuation other than . ' - ("Ollongren," → "Ollongren"). */
    private static String bare(String word) {
        return word.replaceAll("[\\p{P}&&[^.'\\-]]+$", "");
    }

    private static boolean isSingleLetter(String part) {
        return !part.isEmpty() && part.codePointCount(0, part.length()) == 1 && Character.isLetter(part.codePointAt(0));
    }

    /** "Dr" → "dr" but "VS" stays "VS": only a capital first letter is forgiven (sentence-initial use). */
    private static String uncapitalized(String part) {
        if (part.isEmpty()) {
            return part;
        }
        int first = part.codePointAt(0);
        String rest = part.substring(Character.charCount(first));
        return Character.toString(Character.toLowerCase(first)) + rest;
    }
}
