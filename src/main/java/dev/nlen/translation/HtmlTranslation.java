package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.markup.HtmlDocument;
import dev.nlen.markup.Piece;
import dev.nlen.markup.PieceKind;
import dev.nlen.markup.PieceTranslation;
import dev.nlen.text.Paragraph;
import dev.nlen.text.SegmentedArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HTML through the article path: the pieces' text is segmented like any article (one paragraph per piece, the
 * paragraph kind taken from the HTML), translated in one go, and put back into the markup. The short texts of
 * inline elements are translated too, so the markup can find its words in the English.
 */
final class HtmlTranslation {

    /** Longer inline texts are not worth a model call: their element wraps its sentence instead. */
    private static final int MAX_PHRASE_WORDS = 12;

    private HtmlTranslation() {
    }

    static SegmentedArticle segment(ArticleTranslator translator, HtmlDocument html) {
        String text = html.plainText();
        SegmentedArticle plain = translator.segment(text);
        int[] offsets = offsets(html.pieces());
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Paragraph p : plain.paragraphs()) {
            Piece piece = html.pieces().get(pieceAt(offsets, p.start()));
            paragraphs.add(new Paragraph(paragraphs.size(), kind(piece.kind()), p.start(), p.end(), p.sentences()));
        }
        return new SegmentedArticle(text, paragraphs);
    }

    static TranslatedHtml translate(ArticleTranslator translator, SentenceTranslator sentences, HtmlDocument html,
                                    SegmentedArticle article, GenerationOptions options) {
        AlignedDocument document = translator.translate(article, options);
        Map<String, String> phrases = phrases(sentences, html, document, options);
        int[] offsets = offsets(html.pieces());
        List<List<PieceTranslation.Span>> spans = new ArrayList<>();
        html.pieces().forEach(p -> spans.add(new ArrayList<>()));
        for (AlignedParagraph paragraph : document.paragraphs()) {
            int piece = pieceAt(offsets, paragraph.start());
            for (AlignedSentence s : paragraph.sentences()) {
                spans.get(piece).add(new PieceTranslation.Span(s.start() - offsets[piece], s.end() - offsets[piece],
                        s.target()));
            }
        }
        List<PieceTranslation> translations = new ArrayList<>();
        for (List<PieceTranslation.Span> piece : spans) {   // a piece left without sentences comes back as it was
            translations.add(new PieceTranslation(piece, phrases));
        }
        return new TranslatedHtml(document, html.render(translations));
    }

    private static Map<String, String> phrases(SentenceTranslator sentences, HtmlDocument html,
                                               AlignedDocument document, GenerationOptions options) {
        Set<String> whole = new java.util.HashSet<>();
        document.paragraphs().forEach(p -> p.sentences().forEach(s -> whole.add(s.source())));
        Set<String> wanted = new LinkedHashSet<>();
        for (Piece piece : html.pieces()) {
            for (String phrase : piece.phrases()) {
                if (!whole.contains(phrase) && phrase.split(" ").length <= MAX_PHRASE_WORDS) {
                    wanted.add(phrase);
                }
            }
        }
        Map<String, String> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        List<String> list = List.copyOf(wanted);
        List<SentenceTranslation> translated = sentences.translate(list, options);
        for (int i = 0; i < list.size(); i++) {
            out.put(list.get(i), translated.get(i).best().text());
        }
        return out;
    }

    /** Where each piece starts in the plain text (pieces joined by blank lines). */
    private static int[] offsets(List<Piece> pieces) {
        int[] offsets = new int[pieces.size()];
        int at = 0;
        for (int i = 0; i < pieces.size(); i++) {
            offsets[i] = at;
            at += pieces.get(i).text().length() + 2;
        }
        return offsets;
    }

    private static int pieceAt(int[] offsets, int position) {
        int i = 0;
        while (i + 1 < offsets.length && offsets[i + 1] <= position) {
            i++;
        }
        return i;
    }

    private static Paragraph.Kind kind(PieceKind kind) {
        return switch (kind) {
            case PARAGRAPH -> Paragraph.Kind.PARAGRAPH;
            case HEADING -> Paragraph.Kind.HEADING;
            case LIST_ITEM -> Paragraph.Kind.LIST_ITEM;
        };
    }
}
