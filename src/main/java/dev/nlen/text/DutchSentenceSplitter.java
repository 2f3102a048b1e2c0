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
 * paragraph end) and "…" is a period. Dutch corrections follow:
 * <ol>
 *   <li>ICU's rule SB8 keeps "uur. 3 mensen" and "kwam. 's Avonds" together because a lower-case letter follows
 *       somewhere, and SB8a keeps "content. ,,Wat" and "vrij? - 18 augustus" together because a comma or dash
 *       follows; here a period, closing quotes and white space followed by a digit, an apostrophe, an opening
 *       {@code ,,}, a list dash or any other non-lower-case start is a candidate too.</li>
 *   <li>Closing quotes after the white space ({@code beter. '' Er}) belong to the sentence they close: the break
 *       moves past them ({@link QuoteRoles} tells closing from opening marks).</li>
 *   <li>A candidate is dropped when the next sentence would start with a lower-case letter ({@code "Waarom?"
 *       vroeg hij.}), the word before it is an abbreviation or an initial ({@link DutchAbbreviations}), or it is
 *       a bare ordinal opening the sentence ({@code 2. De baten}).</li>
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
        String original = text.substring(from, to);
        QuoteRoles quotes = QuoteRoles.of(shadow);
        TreeSet<Integer> candidates = icuBreaks(shadow);
        candidates.addAll(breaksAfterTerminalAndSpace(shadow, quotes));
        List<Sentence> sentences = new ArrayList<>();
        int sentenceStart = 0;
        for (int candidate : candidates) {
            if (candidate <= sentenceStart) {
                continue;
            }
            int at = resolve(original, shadow, quotes, sentenceStart, candidate);
            if (at > sentenceStart) {
                addTrimmed(text, from + sentenceStart, from + at, sentences);
                sentenceStart = at;
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

    /**
     * Starts of words preceded by ATerm/STerm, Close*, Sp+, where SB8 may have hidden a break, and where SB8a hides
     * one before an opening {@code ,,} or a list dash ({@code nog vrij? - 18 augustus}); a list dash after a colon
     * starts a sentence too ({@code Programma: - 10.00 uur opening}).
     */
    private static List<Integer> breaksAfterTerminalAndSpace(String shadow, QuoteRoles quotes) {
        List<Integer> breaks = new ArrayList<>();
        for (int i = 1; i < shadow.length(); i++) {
            if (shadow.charAt(i - 1) != ' ' || shadow.charAt(i) == ' ') {
                continue;
            }
            if (continuesSentence(shadow.codePointAt(i)) && quotes.at(i) != QuoteRoles.Role.OPEN
                    && !isListDash(shadow, i)) {
                continue;
            }
            int j = i - 1;
            while (j > 0 && shadow.charAt(j - 1) == ' ') {
                j--;
            }
            while (j > 0 && sentenceBreakClass(shadow.codePointBefore(j)) == UCharacter.SentenceBreak.CLOSE) {
                j -= Character.charCount(shadow.codePointBefore(j));
            }
            boolean listAfterColon = j > 0 && shadow.charAt(j - 1) == ':' && isListDash(shadow, i);
            if (j > 0 && isTerminal(shadow.codePointBefore(j)) || listAfterColon) {
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

    /**
     * Where a candidate break before {@code candidate} really falls, or -1 for none. Closing quotes after it
     * belong to the sentence they close (the break moves past them); then the next sentence must not start with
     * a lower-case letter (opening quotes and a list dash skipped: {@code "Waarom?" vroeg hij}), the word before
     * must not be an abbreviation, and a bare ordinal ({@code 1. De kosten}) does not end a sentence.
     */
    private static int resolve(String text, String shadow, QuoteRoles quotes, int sentenceStart, int candidate) {
        int n = shadow.length();
        int at = skipSpaces(shadow, candidate);
        while (at < n && quotes.at(at) == QuoteRoles.Role.CLOSE) {
            while (at < n && quotes.at(at) == QuoteRoles.Role.CLOSE) {
                at++;
            }
            at = skipSpaces(shadow, at);
        }
        int content = at;
        while (content < n && (quotes.at(content) == QuoteRoles.Role.OPEN || isListDash(shadow, content)
                || shadow.charAt(content) == ' ')) {
            content++;
        }
        if (isListDash(shadow, at) && insideBrackets(shadow, sentenceStart, at)) {
            return -1; // a date range: (Rotterdam, 1466? - Bazel, 1536)
        }
        if (content == n || UCharacter.isLowerCase(shadow.codePointAt(content))
                || at > candidate && content == at && continuesSentence(shadow.codePointAt(at))) {
            return -1;
        }
        int wordEnd = candidate;
        while (wordEnd > sentenceStart && shadow.charAt(wordEnd - 1) == ' ') {
            wordEnd--;
        }
        int wordStart = wordStart(shadow, sentenceStart, wordEnd);
        int rawWordStart = wordStart;
        while (wordStart < wordEnd && (quotes.at(wordStart) == QuoteRoles.Role.OPEN
                || sentenceBreakClass(shadow.codePointAt(wordStart)) == UCharacter.SentenceBreak.CLOSE)) {
            wordStart += Character.charCount(shadow.codePointAt(wordStart));
        }
        String word = text.substring(wordStart, wordEnd);
        if (rawWordStart == skipSpaces(shadow, sentenceStart) && isOrdinal(word)) {
            return -1;
        }
        String next = wordAt(text, shadow, content);
        String afterNext = wordAt(text, shadow, skipSpaces(shadow, content + next.length()));
        int previousEnd = rawWordStart;
        while (previousEnd > sentenceStart && shadow.charAt(previousEnd - 1) == ' ') {
            previousEnd--;
        }
        String previous = text.substring(wordStart(shadow, sentenceStart, previousEnd), previousEnd);
        return DutchAbbreviations.endsInAbbreviation(previous, word, next, afterNext) ? -1 : at;
    }

    private static boolean isOrdinal(String word) {
        return word.matches("[0-9]{1,3}[.)]");
    }

    /** A dash followed by a space: the marker of a list or dialogue line run into the paragraph. */
    private static boolean isListDash(String shadow, int i) {
        if (i >= shadow.length()) {
            return false;
        }
        char c = shadow.charAt(i);
        return (c == '-' || c == '–' || c == '—') && i + 1 < shadow.length() && shadow.charAt(i + 1) == ' '
                && (i == 0 || shadow.charAt(i - 1) == ' ');
    }

    private static boolean insideBrackets(String shadow, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = shadow.charAt(i);
            if (c == '(' || c == '[') {
                depth++;
            } else if ((c == ')' || c == ']') && depth > 0) {
                depth--;
            }
        }
        return depth > 0;
    }

    private static int skipSpaces(String shadow, int i) {
        int j = i;
        while (j < shadow.length() && shadow.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    private static int wordStart(String shadow, int from, int wordEnd) {
        int start = wordEnd;
        while (start > from && shadow.charAt(start - 1) != ' ') {
            start--;
        }
        return start;
    }

    private static String wordAt(String text, String shadow, int start) {
        int end = start;
        while (end < shadow.length() && shadow.charAt(end) != ' ') {
            end++;
        }
        return text.substring(start, end);
    }

    /** Adds the trimmed range; punctuation alone (a stray closing quote) joins the sentence before it. */
    private static void addTrimmed(String text, int start, int end, List<Sentence> sentences) {
        int s = WhiteSpace.skipForward(text, start, end);
        int e = WhiteSpace.skipBackward(text, s, end);
        if (e <= s) {
            return;
        }
        if (!sentences.isEmpty() && text.substring(s, e).codePoints().allMatch(DutchSentenceSplitter::isPunctuation)) {
            sentences.set(sentences.size() - 1, new Sentence(sentences.getLast().start(), e));
        } else {
            sentences.add(new Sentence(s, e));
        }
    }

    private static boolean isPunctuation(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION || type == Character.DASH_PUNCTUATION
                || type == Character.CONNECTOR_PUNCTUATION;
    }
}
