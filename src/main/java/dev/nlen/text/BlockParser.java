package dev.nlen.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines → blocks → paragraph-level segments. A block is a run of non-blank lines (any of \n, \r\n, \r ends a
 * line; a line of white space only is blank). Inside a block, a Markdown ATX heading line ({@code # } … {@code
 * ###### }) is a segment of its own, and each list-marker line ({@code - }, {@code * }, {@code + }, {@code • },
 * {@code 1. }, {@code 1) }, at most three digits) starts a new list item that runs until the next marker line;
 * other lines continue the current segment (a line after a heading starts a new paragraph). A leading BOM is
 * skipped. The title rule is in {@link TitleRule}.
 */
final class BlockParser {

    /** A segment before sentence splitting: {@code [start, end)} is trimmed, markers start at {@code start}. */
    record Block(Paragraph.Kind kind, int start, int contentStart, int end) {

        Block withEnd(int newEnd) {
            return new Block(kind, start, contentStart, newEnd);
        }

        Block withKind(Paragraph.Kind newKind) {
            return new Block(newKind, start, contentStart, end);
        }
    }

    private record Line(int start, int end) {}

    private static final String BULLETS = "-*+•";
    private static final int MAX_HEADING_LEVEL = 6;
    private static final int MAX_ORDINAL_DIGITS = 3;

    private BlockParser() {
    }

    static List<Block> parse(String text) {
        int from = text.startsWith("\uFEFF") ? 1 : 0;
        List<List<Line>> runs = nonBlankRuns(text, splitLines(text, from));
        List<Block> blocks = new ArrayList<>();
        for (int r = 0; r < runs.size(); r++) {
            int before = blocks.size();
            addSegments(text, runs.get(r), blocks);
            boolean single = runs.get(r).size() == 1 && blocks.size() == before + 1;
            Block only = blocks.getLast();
            if (single && only.kind() == Paragraph.Kind.PARAGRAPH && r < runs.size() - 1
                    && TitleRule.looksLikeTitle(text, only.start(), only.end())) {
                blocks.set(blocks.size() - 1, only.withKind(Paragraph.Kind.HEADING));
            }
        }
        return blocks;
    }

    private static List<Line> splitLines(String text, int from) {
        List<Line> lines = new ArrayList<>();
        int lineStart = from;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(new Line(lineStart, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        lines.add(new Line(lineStart, text.length()));
        return lines;
    }

    private static List<List<Line>> nonBlankRuns(String text, List<Line> lines) {
        List<List<Line>> runs = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        for (Line line : lines) {
            if (WhiteSpace.isBlank(text, line.start(), line.end())) {
                if (!current.isEmpty()) {
                    runs.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            runs.add(current);
        }
        return runs;
    }

    private static void addSegments(String text, List<Line> run, List<Block> blocks) {
        boolean canContinue = false;
        for (Line line : run) {
            int first = WhiteSpace.skipForward(text, line.start(), line.end());
            int last = WhiteSpace.skipBackward(text, first, line.end());
            int headingContent = headingContentStart(text, first, last);
            int itemContent = headingContent < 0 ? listItemContentStart(text, first, last) : -1;
            if (headingContent >= 0) {
                blocks.add(new Block(Paragraph.Kind.HEADING, first, headingContent, last));
                canContinue = false;
            } else if (itemContent >= 0) {
                blocks.add(new Block(Paragraph.Kind.LIST_ITEM, first, itemContent, last));
                canContinue = true;
            } else if (canContinue) {
                blocks.set(blocks.size() - 1, blocks.getLast().withEnd(last));
            } else {
                blocks.add(new Block(Paragraph.Kind.PARAGRAPH, first, first, last));
                canContinue = true;
            }
        }
    }

    /** Content start of an ATX heading line {@code #{1,6} text}, or -1. */
    private static int headingContentStart(String text, int first, int last) {
        int i = first;
        while (i < last && text.charAt(i) == '#') {
            i++;
        }
        int level = i - first;
        return level >= 1 && level <= MAX_HEADING_LEVEL ? contentAfterMarker(text, i, last) : -1;
    }

    /** Content start of a list item line ({@code - x}, {@code 12. x}, {@code 3) x}), or -1. */
    private static int listItemContentStart(String text, int first, int last) {
        if (BULLETS.indexOf(text.charAt(first)) >= 0) {
            return contentAfterMarker(text, first + 1, last);
        }
        int i = first;
        while (i < last && i - first < MAX_ORDINAL_DIGITS && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        boolean ordinal = i > first && i < last && (text.charAt(i) == '.' || text.charAt(i) == ')');
        return ordinal ? contentAfterMarker(text, i + 1, last) : -1;
    }

    /** A marker must be followed by white space and then content on the same line. */
    private static int contentAfterMarker(String text, int afterMarker, int last) {
        if (afterMarker >= last || !WhiteSpace.isWhite(text.charAt(afterMarker))) {
            return -1;
        }
        return WhiteSpace.skipForward(text, afterMarker, last);
    }
}
