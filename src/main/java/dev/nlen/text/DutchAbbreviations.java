package dev.nlen.text;

import java.util.Set;

/**
 * Dutch abbreviations after which a period does not end a sentence. Matching is on the whole white-space-delimited
 * word (opening quotes and brackets stripped), so "VS." is not mistaken for an initial and "o.a." is recognised
 * as one word. A word is an abbreviation when it ends in a period and
 * <ul>
 *   <li>its dot-separated parts are all single letters and there are at least two ({@code o.a., d.w.z., t.o.v.,
 *       i.p.v., a.s., e.v., N.V., J.P.}), or it is one capital letter ({@code K.}, an initial); or</li>
 *   <li>every part is a known title or abbreviation ({@code dr., prof.dr., bijv., blz.}), written in lower case
 *       or with a capital first letter; or</li>
 *   <li>it is a month ({@code jan.}, {@code Jan.}, {@code sept.}) and the next word starts with a digit
 *       ({@code 15 jan. 2019}); otherwise "Jan." is a name that may end a sentence.</li>
 * </ul>
 * Deliberately absent: {@code enz.} and {@code etc.} (they usually close an enumeration at the end of a sentence;
 * before a lower-case word no break is made anyway), {@code mld.} and {@code mln.} (same), and a lone lower-case
 * letter such as "u." ("Dit is voor u.").
 */
final class DutchAbbreviations {

    private static final Set<String> WORDS = Set.of(
            "dhr", "mevr", "mw", "mej", "prof", "dr", "drs", "ir", "ing", "mr", "ds", "mgr", "jhr", "st", "sr", "jr",
            "bijv", "bv", "blz", "pag", "nr", "nrs", "ca", "resp", "incl", "excl", "vgl", "zgn", "zg", "evt",
            "ong", "max", "min", "art", "fig", "tel", "hfst", "afb");

    private static final Set<String> MONTHS = Set.of(
            "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec");

    private DutchAbbreviations() {
    }

    /**
     * Whether a period at the end of {@code word} belongs to an abbreviation.
     *
     * @param word     the word before the candidate break, opening punctuation already stripped
     * @param nextWord the word after the break (may be empty)
     */
    static boolean endsInAbbreviation(String word, String nextWord) {
        if (word.length() < 2 || word.charAt(word.length() - 1) != '.') {
            return false;
        }
        String[] parts = word.substring(0, word.length() - 1).split("\\.", -1);
        if (parts.length == 1 && MONTHS.contains(uncapitalized(parts[0]))) {
            return !nextWord.isEmpty() && Character.isDigit(nextWord.charAt(0));
        }
        if (parts.length == 1 && isSingleLetter(parts[0])) {
            return Character.isUpperCase(parts[0].codePointAt(0));
        }
        boolean allLetters = true;
        boolean allKnown = true;
        for (String part : parts) {
            allLetters &= isSingleLetter(part);
            allKnown &= isSingleLetter(part) || WORDS.contains(uncapitalized(part));
        }
        return (parts.length > 1 && allLetters) || allKnown;
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
