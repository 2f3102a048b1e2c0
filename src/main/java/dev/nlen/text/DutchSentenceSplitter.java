package dev.nlen.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Sentences of one paragraph's content. Candidate breaks come from ICU's sentence rules (UAX #29, locale nl),
 * run over a same-length shadow of the text in which all white space is a plain space (a wrapped line is not a
 * paragraph end) and "…" is a period. Two Dutch corrections follow:
 * <ol>
 *   <li>ICU's rule SB8 keeps "uur. 3 mensen" and "kwam. 's Avonds" together because a lower-case letter follows
 *       somewhere; here a period, closing quotes and white space followed by a digit, an apostrophe or any other
 *       non-lower-case start is a candidate too.</li>
 *   <li>A candidate is dropped when the next sentence would start with a lower-case letter ({@code "Waarom?"
 *       vroeg hij.}) or the word before it is an abbreviation ({@link DutchAbbreviations}).</li>
 * </ol>
 * ICU's {@code FilteredBreakIteratorBuilder} was tried for the second step and rejected: it matches suffixes
 * without a word boundary (its "S." suppresses the break after "de VS."), looks past one space only, and does not
 * suppress after multi-dot abbreviations such as "o.a.". Thread-safe: each call clones the ICU iterator.
 */
final class DutchSentenceSplitter {

    private static final ULocale DUTCH = ULocale.forLanguageTag("nl");
    private final BreakIterator prototype = BreakIterator.getSentenceInstance(DUTCH);

    /** Sentences of {@code text[from, to)}; the range must start and end with non-white characters. */
    List<Sentence> split(String text, int from, int to) {
        String shadow = shadow(text, from, to);
        TreeSet<Integer> candidates = icuBreaks(shadow);
        candidates.addAll(breaksAfterTerminalAndSpace(shadow));
        List<Sentence> sentences = new ArrayList<>();
        int sentenceStart = 0;
        for (int candidate : candidates) {
            if (keep(text, from, to, from + candidate)) {
                addTrimmed(text, from + sentenceStart, from + candidate, sentences);
                sentenceStart = candidate;
            }
        }
        addTrimmed(text, from + sentenceStart, to, sentences);
        return sentences;
    }

    private static String shadow(String text, int from, int to) {
        char[] chars = text.substring(from, to).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (WhiteSpace.isWhite(chars[i])) {
                chars[i] = ' ';
            } else if (chars[i] == '…') {
                chars[i] = '.';
            }
        }
        return new String(chars);
    }

    private TreeSet<Integer> icuBreaks(String shadow) {
        BreakIterator iterator = (BreakIterator) prototype.clone();
        iterator.setText(shadow);
        TreeSet<Integer> breaks = new TreeSet<>();
        for (int b = iterator.next(); b != BreakIterator.DONE && b < shadow.length(); b = iterator.next()) {
            breaks.add(b);
        }
        return breaks;
    }

    /** Starts of words preceded by ATerm/STerm, Close*, Sp+, where SB8 may have hidden a break. */
    private static List<Integer> breaksAfterTerminalAndSpace(String shadow) {
        List<Integer> breaks = new ArrayList<>();
        for (int i = 1; i < shadow.length(); i++) {
            if (shadow.charAt(i - 1) != ' ' || shadow.charAt(i) == ' ' || continuesSentence(shadow.codePointAt(i))) {
                continue;
            }
            int j = i - 1;
            while (j > 0 && shadow.charAt(j - 1) == ' ') {
                j--;
            }
            while (j > 0 && sentenceBreakClass(shadow.codePointBefore(j)) == UCharacter.SentenceBreak.CLOSE) {
                j -= Character.charCount(shadow.codePointBefore(j));
            }
            if (j > 0 && isTerminal(shadow.codePointBefore(j))) {
                breaks.add(i);
            }
        }
        return breaks;
    }

    private static boolean continuesSentence(int codePoint) {
        int sb = sentenceBreakClass(codePoint);
        return sb == UCharacter.SentenceBreak.SCONTINUE || isTerminal(codePoint);
    }

    private static boolean isTerminal(int codePoint) {
        int sb = sentenceBreakClass(codePoint);
        return sb == UCharacter.SentenceBreak.ATERM || sb == UCharacter.SentenceBreak.STERM;
    }

    private static int sentenceBreakClass(int codePoint) {
        return UCharacter.getIntPropertyValue(codePoint, UProperty.SENTENCE_BREAK);
    }

    /** Whether a break at {@code at} (start of the next sentence) survives the Dutch corrections. */
    private static boolean keep(String text, int from, int to, int at) {
        int nextStart = WhiteSpace.skipForward(text, at, to);
        if (nextStart == to || UCharacter.isLowerCase(text.codePointAt(nextStart))) {
            return false;
        }
        int wordEnd = WhiteSpace.skipBackward(text, from, at);
        int wordStart = wordEnd;
        while (wordStart > from && !WhiteSpace.isWhite(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        while (wordStart < wordEnd && sentenceBreakClass(text.codePointAt(wordStart)) == UCharacter.SentenceBreak.CLOSE) {
            wordStart += Character.charCount(text.codePointAt(wordStart));
        }
        int nextEnd = nextStart;
        while (nextEnd < to && !WhiteSpace.isWhite(text.charAt(nextEnd))) {
            nextEnd++;
        }
        return !DutchAbbreviations.endsInAbbreviation(text.substring(wordStart, wordEnd),
                text.substring(nextStart, nextEnd));
    }

    private static void addTrimmed(String text, int start, int end, List<Sentence> sentences) {
        int s = WhiteSpace.skipForward(text, start, end);
        int e = WhiteSpace.skipBackward(text, s, end);
        if (e > s) {
            sentences.add(new Sentence(s, e));
        }
    }
}
