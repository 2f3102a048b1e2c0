package dev.nlen.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.AlignedSentence;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON wire shape of a translated article, as records in field order. Sentence {@code start}/{@code end} are
 * offsets in Unicode code points into the submitted text (JavaScript's {@code [...text]}, Python's {@code str}).
 */
public record JsonDocumentView(Model model, String sourceLang, String targetLang, List<Paragraph> paragraphs,
                               Stats stats) {

    public record Model(String id, String revision, String precision, String device) {}

    /** {@code detectedLanguage} only for a paragraph left as it is because it is clearly not Dutch. */
    public record Paragraph(int index, String kind, String source, String target, List<Sentence> sentences,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String detectedLanguage) {}

    /**
     * {@code meanLogProb}: mean log-probability per generated token (left out when unknown); {@code alternatives}
     * (n-best runners-up) is left out when there are none.
     */
    public record Sentence(String source, String target, int start, int end,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Double meanLogProb,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> alternatives) {}

    public record Stats(int paragraphs, int sentences, long sourceTokens, long targetTokens, long millis) {}

    public static final String SOURCE_LANG = "nl";
    public static final String TARGET_LANG = "en";

    public static JsonDocumentView of(AlignedDocument document) {
        CodePointIndex codePoints = new CodePointIndex(document.sourceText());
        AlignedDocument.ModelInfo model = document.model();
        AlignedDocument.Stats stats = document.stats();
        return new JsonDocumentView(
                new Model(model.id(), model.revision(), model.precision(), model.device()),
                SOURCE_LANG, TARGET_LANG,
                document.paragraphs().stream().map(p -> paragraph(p, codePoints)).toList(),
                new Stats(stats.paragraphs(), stats.sentences(), stats.sourceTokens(), stats.targetTokens(),
                        stats.millis()));
    }

    /** Paragraphs of one document one at a time (the stream), sharing one pass over the source text. */
    public static Function<AlignedParagraph, Paragraph> paragraphsOf(String sourceText) {
        CodePointIndex codePoints = new CodePointIndex(sourceText);
        return paragraph -> paragraph(paragraph, codePoints);
    }

    private static Paragraph paragraph(AlignedParagraph paragraph, CodePointIndex codePoints) {
        List<Sentence> sentences = paragraph.sentences().stream().map(s -> sentence(s, codePoints)).toList();
        return new Paragraph(paragraph.index(), paragraph.kind().wireName(), paragraph.source(), paragraph.target(),
                sentences, paragraph.detectedLanguage());
    }

    private static Sentence sentence(AlignedSentence sentence, CodePointIndex codePoints) {
        return new Sentence(sentence.source(), sentence.target(), codePoints.codePointOffset(sentence.start()),
                codePoints.codePointOffset(sentence.end()),
                Double.isFinite(sentence.meanLogProb()) ? sentence.meanLogProb() : null, sentence.alternatives());
    }
}
