package dev.nlen.tokenize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits text the way Hugging Face's slow tokenizer (transformers 4.x {@code tokenize}) does before SentencePiece
 * sees it: special token strings are cut out wherever they occur (the longest one where several start at the same
 * place), the whitespace on both sides of each is stripped (Python's {@code str.strip} notion of whitespace),
 * empty parts are dropped. Each remaining part then loses its language codes: a leading {@code >>xx<<} becomes a
 * token of its own and every {@code >>…<<} is removed ({@code MarianTokenizer.remove_language_code}).
 */
final class SpecialTokenSplitter {

    /** A part of the text: a literal token (special or language code), or text for SentencePiece. */
    record Part(String text, boolean literal) {}

    // transformers 4.x: re.compile(">>.+<<"); Python's '.' excludes only '\n', hence UNIX_LINES
    private static final Pattern LANGUAGE_CODE = Pattern.compile(">>.+<<", Pattern.UNIX_LINES);

    private final Pattern specials;

    SpecialTokenSplitter(List<String> specialTokens) {
        this.specials = specialTokens.isEmpty() ? Pattern.compile("(?!)") : Pattern.compile(specialTokens.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|")));
    }

    /** Whether {@link #split} can differ from a single SentencePiece part (most sentences: no). */
    boolean needsSplit(String text) {
        return text.contains(">>") || specials.matcher(text).find();
    }

    List<Part> split(String text) {
        List<Part> raw = new ArrayList<>();
        Matcher matcher = specials.matcher(text);
        int end = 0;
        while (matcher.find()) {
            raw.add(new Part(text.substring(end, matcher.start()), false));
            raw.add(new Part(matcher.group(), true));
            end = matcher.end();
        }
        raw.add(new Part(text.substring(end), false));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Part part = raw.get(i);
            if (part.literal()) {
                parts.add(part);
                continue;
            }
            String segment = part.text();
            if (i > 0) {
                segment = TargetDecoder.pythonStrip(segment, true, false);
            }
            if (i + 1 < raw.size()) {
                segment = TargetDecoder.pythonStrip(segment, false, true);
            }
            if (!segment.isEmpty()) {
                addWithoutLanguageCodes(segment, parts);
            }
        }
        return parts;
    }

    private static void addWithoutLanguageCodes(String segment, List<Part> parts) {
        if (!segment.contains(">>")) {
            parts.add(new Part(segment, false));
            return;
        }
        Matcher matcher = LANGUAGE_CODE.matcher(segment);
        if (matcher.lookingAt()) {
            parts.add(new Part(matcher.group(), true));
        }
        parts.add(new Part(matcher.replaceAll(""), false));
    }
}
