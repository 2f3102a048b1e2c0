package dev.nlen.markup;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The inline content between two piece boundaries, flattened: its text as a browser shows it (white space
 * collapsed, trimmed), where each inline element's text lies in it, and the nodes left untouched ("atoms") with
 * the place they stand.
 */
final class Run {

    /** An inline element (not untouched) and the trimmed range of its text; {@code parent} indexes {@link #inlines}. */
    record Inline(Element element, int start, int end, int parent) {
        String text(String runText) {
            return runText.substring(start, end);
        }
    }

    /** An untouched node at {@code anchor}; a verbatim one ({@code <code>}) also has its text at {@code [start, end)}. */
    record Atom(Node node, int anchor, int start, int end) {
        boolean hasText() {
            return end > start;
        }
    }

    final Element container;
    final List<Node> nodes;
    final List<Inline> inlines = new ArrayList<>();
    final List<Atom> atoms = new ArrayList<>();
    final String leading;
    final String trailing;
    private final StringBuilder text = new StringBuilder();
    private boolean pendingSpace;
    private boolean translatable;

    Run(Element container, List<Node> nodes, TagRules rules) {
        this.container = container;
        this.nodes = List.copyOf(nodes);
        for (Node node : nodes) {
            flatten(node, -1, rules);
        }
        this.leading = nodes.getFirst() instanceof TextNode t ? edge(t.getWholeText(), true) : "";
        this.trailing = nodes.getLast() instanceof TextNode t ? edge(t.getWholeText(), false) : "";
    }

    String text() {
        return text.toString();
    }

    /** Has text of its own to translate (not only white space, code or comments). */
    boolean translatable() {
        return translatable;
    }

    private void flatten(Node node, int parent, TagRules rules) {
        if (node instanceof TextNode t) {
            translatable |= append(t.getWholeText());
        } else if (node instanceof Element e && rules.verbatim(e)) {
            int anchor = text.length();
            append(e.wholeText());
            atoms.add(new Atom(e, anchor, trimStart(anchor), text.length()));
        } else if (node instanceof Element e && !rules.opaque(e) && !e.wholeText().isBlank()) {
            int index = inlines.size();
            int start = text.length();
            inlines.add(null);
            for (Node child : List.copyOf(e.childNodes())) {
                flatten(child, index, rules);
            }
            inlines.set(index, new Inline(e, trimStart(start), text.length(), parent));
        } else {
            // scripts, comments, images, empty elements: kept where they stand, invisible to the model
            flushSpace();
            atoms.add(new Atom(node, text.length(), 0, 0));
        }
    }

    /** Appends text with HTML's white-space collapsing; true when it had a visible character. */
    private boolean append(String s) {
        boolean visible = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isHtmlSpace(c)) {
                pendingSpace = !text.isEmpty() || !atoms.isEmpty();
            } else {
                if (pendingSpace) {
                    text.append(' ');
                    pendingSpace = false;
                }
                text.append(c);
                visible = true;
            }
        }
        return visible;
    }

    /** The space before an untouched node stays in front of it ({@code "kat <img>"}). */
    private void flushSpace() {
        if (pendingSpace) {
            text.append(' ');
            pendingSpace = false;
        }
    }

    private int trimStart(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String edge(String s, boolean leading) {
        int i = 0;
        if (leading) {
            while (i < s.length() && isHtmlSpace(s.charAt(i))) {
                i++;
            }
            return s.substring(0, i);
        }
        int j = s.length();
        while (j > 0 && isHtmlSpace(s.charAt(j - 1))) {
            j--;
        }
        return s.substring(j);
    }

    /** HTML's ASCII white space; a no-break space is text. */
    static boolean isHtmlSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
