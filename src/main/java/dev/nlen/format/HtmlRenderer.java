package dev.nlen.format;

import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.AlignedSentence;
import java.util.List;

/**
 * {@code text/html}: a self-contained side-by-side page (inline CSS, no scripts, no external resources). One table;
 * each paragraph is a {@code tbody} whose rows pair a Dutch sentence ({@code lang="nl"}) with its English
 * translation ({@code lang="en"}), n-best alternatives listed under it. Written with an XML writer as polyglot
 * XHTML, so it is both valid HTML5 and well-formed XML; text is escaped and cleaned as in {@link XmlText}.
 */
public final class HtmlRenderer implements DocumentRenderer {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final String CSS = String.join("",
            "body{font-family:system-ui,sans-serif;line-height:1.5;color:#222;max-width:72rem;margin:2rem auto;",
            "padding:0 1rem}",
            "table{border-collapse:collapse;width:100%;table-layout:fixed}",
            "th,td{vertical-align:top;text-align:left;padding:.3rem .8rem;width:50%}",
            "thead th{border-bottom:2px solid #999}",
            "tbody{border-top:1px solid #ddd}",
            "tbody.heading td{font-weight:bold;font-size:1.15em;padding-top:1.2rem}",
            "tbody.list-item td{padding-left:2rem}",
            "td[lang=nl]{color:#444}",
            "tr:hover td{background:#f3f6fa}",
            ".meta,.alternatives{color:#777;font-size:.9em}",
            ".alternatives{margin:.2rem 0 0;padding-left:1.2rem}");

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public String formatName() {
        return "html";
    }

    @Override
    public String render(AlignedDocument document) {
        XmlOutput html = new XmlOutput().doctype("<!DOCTYPE html>").newline(0)
                .start("html").defaultNamespace(XHTML).attribute("lang", "en");
        head(html);
        html.newline(0).start("body").newline(1).element("h1", "Nederlands → English").newline(1)
                .start("p").attribute("class", "meta").text(summary(document)).end().newline(1)
                .start("table").newline(2)
                .start("thead").start("tr")
                .start("th").attribute("lang", "nl").attribute("scope", "col").text("Nederlands").end()
                .start("th").attribute("lang", "en").attribute("scope", "col").text("English").end()
                .end().end();
        for (AlignedParagraph paragraph : document.paragraphs()) {
            paragraph(html, paragraph);
        }
        return html.newline(1).end().newline(0).end().newline(0).end().finish() + "\n";
    }

    private static void head(XmlOutput html) {
        html.newline(0).start("head").newline(1)
                .empty("meta").attribute("charset", "UTF-8").newline(1)
                .empty("meta").attribute("name", "viewport").attribute("content", "width=device-width, initial-scale=1")
                .newline(1).element("title", "Vertaling nl → en").newline(1)
                .element("style", CSS).newline(0).end();
    }

    private static String summary(AlignedDocument document) {
        AlignedDocument.ModelInfo model = document.model();
        AlignedDocument.Stats stats = document.stats();
        return "%s (%s, %s, %s) · %d paragraphs, %d sentences, %d → %d tokens, %d ms".formatted(model.id(),
                model.revision(), model.precision(), model.device(), stats.paragraphs(), stats.sentences(),
                stats.sourceTokens(), stats.targetTokens(), stats.millis());
    }

    private static void paragraph(XmlOutput html, AlignedParagraph paragraph) {
        html.newline(2).start("tbody").attribute("class", paragraph.kind().wireName())
                .attribute("id", "p" + paragraph.index());
        if (paragraph.sentences().isEmpty()) {
            row(html, paragraph.source(), paragraph.target(), List.of());
        }
        for (AlignedSentence sentence : paragraph.sentences()) {
            row(html, sentence.source(), sentence.target(), sentence.alternatives());
        }
        html.newline(2).end();
    }

    private static void row(XmlOutput html, String dutch, String english, List<String> alternatives) {
        html.newline(3).start("tr")
                .start("td").attribute("lang", "nl").text(XmlText.cleanLine(dutch)).end()
                .start("td").attribute("lang", "en").text(XmlText.cleanLine(english));
        if (!alternatives.isEmpty()) {
            html.start("ol").attribute("class", "alternatives");
            alternatives.forEach(alternative -> html.element("li", XmlText.cleanLine(alternative)));
            html.end();
        }
        html.end().end();
    }
}
