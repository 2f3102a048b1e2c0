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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

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
        List<String> phrases = phrases(html, article);
        AlignedDocument document = translator.translate(article, options);
        return render(html, document, phrases, phrases.isEmpty() ? List.of() : sentences.translate(phrases, options));
    }

    /** The sentences and the phrases queued at once; giving up on the result gives up on both. */
    static CompletableFuture<TranslatedHtml> translateAsync(ArticleTranslator translator, SentenceTranslator sentences,
                                                            HtmlDocument html, SegmentedArticle article,
                                                            GenerationOptions options) {
        List<String> phrases = phrases(html, article);
        CompletableFuture<AlignedDocument> document = translator.translateAsync(article, options);
        CompletableFuture<List<SentenceTranslation>> translatedPhrases = phrases.isEmpty()
                ? CompletableFuture.completedFuture(List.of()) : sentences.translateAsync(phrases, options);
        CompletableFuture<TranslatedHtml> result = document.thenCombine(translatedPhrases,
                (d, p) -> render(html, d, phrases, p));
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                document.cancel(true);
                translatedPhrases.cancel(true);
            }
        });
        return result;
    }

    private static TranslatedHtml render(HtmlDocument html, AlignedDocument document, List<String> phrases,
                                         List<SentenceTranslation> translatedPhrases) {
        Map<String, String> hints = new HashMap<>();
        for (int i = 0; i < translatedPhrases.size(); i++) {
            hints.put(phrases.get(i), translatedPhrases.get(i).best().text());
        }
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
            translations.add(new PieceTranslation(piece, hints));
        }
        return new TranslatedHtml(document, html.render(translations));
    }

    /** The inline texts worth translating on their own: short, and not a whole sentence already. */
    private static List<String> phrases(HtmlDocument html, SegmentedArticle article) {
        Set<String> whole = new HashSet<>();
        article.sentences().forEach(s -> whole.add(s.text(article.text())));
        Set<String> wanted = new LinkedHashSet<>();
        for (Piece piece : html.pieces()) {
            for (String phrase : piece.phrases()) {
                if (!whole.contains(phrase) && phrase.split(" ").length <= MAX_PHRASE_WORDS) {
                    wanted.add(phrase);
                }
            }
        }
        return List.copyOf(wanted);
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
