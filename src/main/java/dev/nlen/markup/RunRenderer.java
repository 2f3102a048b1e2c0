package dev.nlen.markup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Builds the translated nodes of one {@link Run}. The English of the sentences, with the source's white space
 * between them, is one string; each inline element becomes an interval of it:
 * <ul>
 *   <li>an element holding whole sentences wraps their translations;</li>
 *   <li>an element inside one sentence wraps the first word-bounded, case-insensitive occurrence of its own text
 *       (names, numbers) or of its phrase's translation in that sentence's English (inside its parent's interval);</li>
 *   <li>otherwise it wraps the whole sentence (or its parent's interval) it touches — per sentence, so an element
 *       across two sentences is repeated, its {@code id} kept only once.</li>
 * </ul>
 * Untouched inline nodes replace an occurrence of their text when it is found, else follow their sentence; between
 * sentences they stay where they were. No element is made up: every one is a copy of one in the input.
 */
final class RunRenderer {

    private record Interval(int start, int end, int order, Element wrap, Node replacement) {}

    private record Point(int pos, int order, Node node) {}

    private final Run run;
    private final String source;
    private final List<PieceTranslation.Span> spans;
    private final Map<String, String> phrases;
    private final StringBuilder target = new StringBuilder();
    private final int[] targetStart;
    private final int[] targetEnd;
    private final int[] gapStart;            // where the source white space before span i starts in target
    private final List<Interval> intervals = new ArrayList<>();
    private final List<Point> points = new ArrayList<>();
    private final Set<Element> copied = new HashSet<>();
    private int nextPoint;
    private String t;

    RunRenderer(Run run, PieceTranslation translation) {
        this.run = run;
        this.source = run.text();
        this.spans = translation.sentences();
        this.phrases = translation.phrases();
        if (!spans.isEmpty() && spans.getLast().end() > source.length()) {
            throw new IllegalArgumentException("a sentence span ends after the piece's text (" + source.length() + ")");
        }
        this.targetStart = new int[spans.size()];
        this.targetEnd = new int[spans.size()];
        this.gapStart = new int[spans.size() + 1];
    }

    List<Node> render() {
        Set<Integer> replaced = new HashSet<>();
        Map<Run.Atom, Integer> covering = new HashMap<>();
        for (Run.Atom atom : run.atoms) {
            List<Integer> touched = touched(atom.start(), atom.end());
            if (atom.hasText() && !touched.isEmpty() && touched.stream().allMatch(s -> inside(s, atom.start(), atom.end()))) {
                replaced.addAll(touched);        // code that is the whole sentence: the sentence is the code
                covering.put(atom, touched.getFirst());
            }
        }
        buildTarget(replaced);
        placeAtoms(covering);
        placeInlines();
        intervals.sort(Comparator.comparingInt(Interval::start).thenComparing(Interval::end, Comparator.reverseOrder())
                .thenComparingInt(Interval::order));
        points.sort(Comparator.comparingInt(Point::pos).thenComparingInt(Point::order));
        List<Node> out = new ArrayList<>();
        if (!run.leading.isEmpty()) {
            out.add(new TextNode(run.leading));
        }
        emit(out, 0, t.length(), 0);
        if (!run.trailing.isEmpty()) {
            out.add(new TextNode(run.trailing));
        }
        return out;
    }

    private void buildTarget(Set<Integer> replaced) {
        int previousEnd = 0;
        for (int i = 0; i < spans.size(); i++) {
            PieceTranslation.Span span = spans.get(i);
            gapStart[i] = target.length();
            target.append(source, previousEnd, span.start());
            targetStart[i] = target.length();
            if (!replaced.contains(i)) {
                target.append(span.target().strip());
            }
            targetEnd[i] = target.length();
            previousEnd = span.end();
        }
        gapStart[spans.size()] = target.length();
        target.append(source, previousEnd, source.length());
        t = target.toString();
    }

    private void placeAtoms(Map<Run.Atom, Integer> covering) {
        for (int a = 0; a < run.atoms.size(); a++) {
            Run.Atom atom = run.atoms.get(a);
            Integer first = covering.get(atom);
            if (first != null) {
                points.add(new Point(targetStart[first], a, atom.node()));
                continue;
            }
            List<Integer> touched = atom.hasText() ? touched(atom.start(), atom.end()) : within(atom.anchor());
            if (touched.isEmpty()) {
                points.add(new Point(gapPosition(atom.anchor()), a, atom.node()));
                continue;
            }
            int s = touched.getFirst();
            String text = atom.hasText() ? source.substring(atom.start(), atom.end()) : "";
            int[] found = text.isEmpty() ? null : match(text, targetStart[s], targetEnd[s]);
            if (found != null) {
                intervals.add(new Interval(found[0], found[1], Integer.MAX_VALUE, null, atom.node()));
            } else {
                points.add(new Point(targetEnd[s], a, atom.node()));
            }
        }
    }

    private void placeInlines() {
        List<List<Interval>> placed = new ArrayList<>();
        for (int e = 0; e < run.inlines.size(); e++) {
            Run.Inline inline = run.inlines.get(e);
            List<Interval> mine = new ArrayList<>();
            List<Integer> touched = touched(inline.start(), inline.end());
            if (!touched.isEmpty() && touched.stream().allMatch(s -> inside(s, inline.start(), inline.end()))) {
                mine.add(new Interval(targetStart[touched.getFirst()], targetEnd[touched.getLast()], e,
                        inline.element(), null));
            } else {
                for (int s : touched) {
                    int[] context = context(inline, s, placed);
                    int[] match = spans.get(s).start() <= inline.start() && inline.end() <= spans.get(s).end()
                            ? match(inline, context) : null;
                    int[] range = match != null ? match : context;
                    mine.add(new Interval(range[0], range[1], e, inline.element(), null));
                }
            }
            mine.removeIf(i -> i.start() >= i.end());
            intervals.addAll(mine);
            placed.add(mine);
        }
    }

    /** The parent's interval inside sentence s, else the sentence's translation. */
    private int[] context(Run.Inline inline, int s, List<List<Interval>> placed) {
        for (int p = inline.parent(); p >= 0; p = run.inlines.get(p).parent()) {
            for (Interval i : placed.get(p)) {
                if (targetStart[s] <= i.start() && i.end() <= targetEnd[s]) {
                    return new int[] {i.start(), i.end()};
                }
            }
        }
        return new int[] {targetStart[s], targetEnd[s]};
    }

    private int[] match(Run.Inline inline, int[] context) {
        return match(inline.text(source), context[0], context[1]);
    }

    /** Where a source phrase stands in the English: itself (a name, a number), else its own translation. */
    private int[] match(String phrase, int from, int to) {
        for (String needle : new String[] {phrase, phrases.get(phrase)}) {
            String word = needle == null ? "" : trimPunctuation(needle.strip());
            int at = word.isEmpty() ? -1 : find(word, from, to);
            if (at >= 0) {
                return new int[] {at, at + word.length()};
            }
        }
        return null;
    }

    /** First word-bounded, case-insensitive occurrence in {@code [from, to)} that crosses no placed interval. */
    private int find(String word, int from, int to) {
        for (int at = from; at + word.length() <= to; at++) {
            if (t.regionMatches(true, at, word, 0, word.length()) && boundary(at - 1) && boundary(at + word.length())
                    && crossesNothing(at, at + word.length())) {
                return at;
            }
        }
        return -1;
    }

    private boolean boundary(int i) {
        return i < 0 || i >= t.length() || !Character.isLetterOrDigit(t.charAt(i));
    }

    private boolean crossesNothing(int start, int end) {
        for (Interval i : intervals) {
            boolean crosses = (i.start() < start && start < i.end() && i.end() < end)
                    || (start < i.start() && i.start() < end && end < i.end());
            boolean inReplacement = i.replacement() != null && i.start() <= start && end <= i.end();
            if (crosses || inReplacement) {
                return false;
            }
        }
        return true;
    }

    private static String trimPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(0, end);
    }

    private List<Integer> touched(int start, int end) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < spans.size(); s++) {
            if (spans.get(s).start() < end && spans.get(s).end() > start) {
                out.add(s);
            }
        }
        return out;
    }

    private List<Integer> within(int anchor) {
        for (int s = 0; s < spans.size(); s++) {
            if (spans.get(s).start() < anchor && anchor < spans.get(s).end()) {
                return List.of(s);
            }
        }
        return List.of();
    }

    private boolean inside(int s, int start, int end) {
        return start <= spans.get(s).start() && spans.get(s).end() <= end;
    }

    /** A source position between sentences → the same place in the target (the gaps are copied as they are). */
    private int gapPosition(int anchor) {
        int previousEnd = 0;
        for (int s = 0; s <= spans.size(); s++) {
            int nextStart = s < spans.size() ? spans.get(s).start() : source.length();
            if (anchor <= nextStart) {
                return gapStart[s] + Math.max(0, anchor - previousEnd);
            }
            previousEnd = spans.get(s).end();
        }
        return t.length();
    }

    /** Emits {@code [from, to)}: nested intervals as copies of their elements, points where they stand. */
    private int emit(List<Node> into, int from, int to, int i) {
        int pos = from;
        while (i < intervals.size() && intervals.get(i).start() < to) {
            Interval m = intervals.get(i++);
            text(into, pos, m.start());
            if (m.replacement() != null) {
                into.add(m.replacement());
                while (i < intervals.size() && intervals.get(i).start() < m.end()) {
                    i++;                          // nothing nests inside what an untouched node replaces
                }
                while (nextPoint < points.size() && points.get(nextPoint).pos() <= m.end()) {
                    into.add(points.get(nextPoint++).node());
                }
            } else {
                Element copy = copy(m.wrap());
                List<Node> inner = new ArrayList<>();
                i = emit(inner, m.start(), m.end(), i);
                copy.appendChildren(inner);
                into.add(copy);
            }
            pos = m.end();
        }
        text(into, pos, to);
        return i;
    }

    /** Text of {@code [from, to)} with the points up to and including {@code to}. */
    private void text(List<Node> into, int from, int to) {
        int cur = from;
        while (nextPoint < points.size() && points.get(nextPoint).pos() <= to) {
            Point p = points.get(nextPoint++);
            if (p.pos() > cur) {
                into.add(new TextNode(t.substring(cur, p.pos())));
                cur = p.pos();
            }
            into.add(p.node());
        }
        if (to > cur) {
            into.add(new TextNode(t.substring(cur, to)));
        }
    }

    private Element copy(Element element) {
        Element copy = element.shallowClone();
        if (!copied.add(element)) {
            copy.removeAttr("id");               // an element repeated per sentence keeps its id once
        }
        return copy;
    }
}
