package dev.nlen.markup;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML document or fragment cut into translatable {@link Piece}s, and rendered back with their translations.
 * Block elements ({@code <p>}, {@code <h2>}, {@code <li>}, {@code <td>}, …) and {@code <br>} bound the pieces;
 * inline elements are carried around the translated text (see {@link RunRenderer} for how); {@code <script>},
 * {@code <style>}, {@code <pre>}, {@code <code>}, the ignored tags and every attribute are left as they are.
 * Translations are inserted as text, so they are escaped: the output holds no element the input did not have.
 * A fragment comes back as a fragment, a whole document (doctype, {@code <html>} or {@code <body>}) as a whole
 * document with its {@code <title>} translated. Immutable: {@link #render} works on a fresh parse.
 */
public final class HtmlDocument {

    private static final Pattern WHOLE_DOCUMENT = Pattern.compile("<!doctype|<html[\\s>]|<body[\\s>]",
            Pattern.CASE_INSENSITIVE);

    private final String html;
    private final TagRules rules;
    private final boolean whole;
    private final List<Piece> pieces;

    private HtmlDocument(String html, TagRules rules) {
        this.html = html;
        this.rules = rules;
        this.whole = WHOLE_DOCUMENT.matcher(html).find();
        List<Piece> found = new ArrayList<>();
        for (Run run : runs(parse())) {
            Set<String> phrases = new LinkedHashSet<>();
            run.inlines.forEach(i -> phrases.add(i.text(run.text())));
            run.atoms.stream().filter(Run.Atom::hasText).forEach(a -> phrases.add(run.text().substring(a.start(), a.end())));
            found.add(new Piece(found.size(), TagRules.kindOf(run.container), run.text(), List.copyOf(phrases)));
        }
        this.pieces = List.copyOf(found);
    }

    public static HtmlDocument parse(String html) {
        return parse(html, Set.of(), Set.of());
    }

    /**
     * @param ignoreTags       elements left exactly as written (their text still gives the model its context)
     * @param nonSplittingTags elements that do not end a piece even if HTML makes them blocks
     */
    public static HtmlDocument parse(String html, Set<String> ignoreTags, Set<String> nonSplittingTags) {
        return new HtmlDocument(html, new TagRules(ignoreTags, nonSplittingTags));
    }

    /** The translatable pieces in document order (the title first). */
    public List<Piece> pieces() {
        return pieces;
    }

    /** The pieces' texts joined by blank lines: a plain-text article with one paragraph per piece. */
    public String plainText() {
        return String.join("\n\n", pieces.stream().map(Piece::text).toList());
    }

    /** The document with each piece's text replaced by its translation (one per piece, in order). */
    public String render(List<PieceTranslation> translations) {
        if (translations.size() != pieces.size()) {
            throw new IllegalArgumentException(pieces.size() + " pieces but " + translations.size() + " translations");
        }
        Document document = parse();
        List<Run> runs = runs(document);
        for (int i = 0; i < runs.size(); i++) {
            replace(runs.get(i), new RunRenderer(runs.get(i), translations.get(i)).render());
        }
        return whole ? document.outerHtml() : document.body().html();
    }

    /** Each piece translated as a whole, without sentence spans. */
    public String renderWhole(List<String> targets) {
        List<PieceTranslation> translations = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            translations.add(PieceTranslation.whole(pieces.get(i), targets.get(i)));
        }
        return render(translations);
    }

    private Document parse() {
        Document document = whole ? Jsoup.parse(html) : Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base)
                .syntax(Document.OutputSettings.Syntax.html);
        return document;
    }

    private List<Run> runs(Document document) {
        List<Run> runs = new ArrayList<>();
        if (whole) {
            for (Element title : document.head().getElementsByTag("title")) {
                walk(title, runs);
            }
        }
        walk(document.body(), runs);
        return runs;
    }

    private void walk(Element container, List<Run> runs) {
        List<Node> current = new ArrayList<>();
        for (Node child : List.copyOf(container.childNodes())) {
            if (child instanceof Element e && !e.normalName().equals("title")) {
                boolean untouched = rules.untouched(e);
                if (untouched && rules.splits(e)) {
                    close(container, current, runs);
                    continue;
                }
                if (!untouched && (rules.splits(e) || rules.holdsSplitting(e))) {
                    close(container, current, runs);
                    walk(e, runs);
                    continue;
                }
            }
            current.add(child);
        }
        close(container, current, runs);
    }

    private void close(Element container, List<Node> current, List<Run> runs) {
        if (!current.isEmpty()) {
            Run run = new Run(container, current, rules);
            if (run.translatable()) {
                runs.add(run);
            }
            current.clear();
        }
    }

    /** Swaps a run's nodes for the rendered ones, in place; untouched nodes are moved, not copied. */
    private static void replace(Run run, List<Node> rendered) {
        TextNode mark = new TextNode("");
        run.nodes.getFirst().before(mark);
        for (Node node : run.nodes) {
            if (node.parentNode() == run.container && !rendered.contains(node)) {
                node.remove();
            }
        }
        for (Node node : rendered) {
            mark.before(node);
        }
        mark.remove();
    }

    @Override
    public String toString() {
        return "HtmlDocument[" + pieces.size() + " pieces, " + (whole ? "document" : "fragment").toLowerCase(Locale.ROOT)
                + "]";
    }
}
