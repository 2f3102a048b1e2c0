package dev.nlen.format;

import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.AlignedSentence;

/**
 * {@code application/x-tmx+xml}: a TMX 1.4b translation memory, one {@code <tu>} per sentence with a Dutch and an
 * English {@code <tuv>}, the paragraph index as a {@code x-paragraph} property. Segment text is plain text on one
 * line (white-space runs collapsed, so a wrapped source line does not put a newline in the memory). Characters
 * that XML 1.0 cannot carry become U+FFFD ({@link XmlText}). No DOCTYPE, so readers need not fetch tmx14.dtd.
 */
public final class TmxRenderer implements DocumentRenderer {

    static final String CREATION_TOOL = "nlen-translator";
    static final String CREATION_TOOL_VERSION = "0.1.0";

    @Override
    public String mediaType() {
        return "application/x-tmx+xml";
    }

    @Override
    public String formatName() {
        return "tmx";
    }

    @Override
    public String render(AlignedDocument document) {
        XmlOutput tmx = new XmlOutput().declaration().newline(0).start("tmx").attribute("version", "1.4");
        header(tmx, document.model());
        tmx.newline(1).start("body");
        int unit = 0;
        for (AlignedParagraph paragraph : document.paragraphs()) {
            for (AlignedSentence sentence : paragraph.sentences()) {
                translationUnit(tmx, ++unit, paragraph.index(), sentence);
            }
        }
        return tmx.newline(1).end().newline(0).end().finish() + "\n";
    }

    private static void header(XmlOutput tmx, AlignedDocument.ModelInfo model) {
        tmx.newline(1).start("header")
                .attribute("creationtool", CREATION_TOOL)
                .attribute("creationtoolversion", CREATION_TOOL_VERSION)
                .attribute("segtype", "sentence")
                .attribute("o-tmf", CREATION_TOOL)
                .attribute("adminlang", "en")
                .attribute("srclang", "nl")
                .attribute("datatype", "plaintext");
        property(tmx, 2, "x-model", model.id());
        property(tmx, 2, "x-model-revision", model.revision());
        tmx.newline(1).end();
    }

    private static void property(XmlOutput tmx, int depth, String type, String value) {
        if (value != null && !value.isBlank()) {
            tmx.newline(depth).start("prop").attribute("type", type).text(value).end();
        }
    }

    private static void translationUnit(XmlOutput tmx, int unit, int paragraphIndex, AlignedSentence sentence) {
        tmx.newline(2).start("tu").attribute("tuid", Integer.toString(unit));
        property(tmx, 3, "x-paragraph", Integer.toString(paragraphIndex));
        variant(tmx, "nl", sentence.source());
        variant(tmx, "en", sentence.target());
        tmx.newline(2).end();
    }

    private static void variant(XmlOutput tmx, String language, String text) {
        tmx.newline(3).start("tuv").xmlLang(language).start("seg").text(XmlText.cleanLine(text)).end().end();
    }
}
