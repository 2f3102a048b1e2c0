package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.text.Paragraph;
import dev.nlen.text.Sentence;
import java.util.ArrayList;
import java.util.List;

/** Puts translated pieces back into paragraphs and sentences, and counts the tokens that went through. */
final class DocumentAssembler {

    private final String text;
    private final List<SentenceTranslation> translated;
    private final GenerationOptions options;
    private long sourceTokens;
    private long targetTokens;

    /** {@code translated} may be filled while paragraphs are assembled, as long as a paragraph's pieces are in. */
    DocumentAssembler(String text, List<SentenceTranslation> translated, GenerationOptions options) {
        this.text = text;
        this.translated = translated;
        this.options = options;
    }

    AlignedParagraph paragraph(Paragraph paragraph, List<List<Integer>> pieces) {
        List<AlignedSentence> sentences = new ArrayList<>();
        for (int s = 0; s < paragraph.sentences().size(); s++) {
            sentences.add(sentence(paragraph.sentences().get(s), pieces.get(s)));
        }
        String target = String.join(" ", sentences.stream().map(AlignedSentence::target).toList());
        return new AlignedParagraph(paragraph.index(), kind(paragraph.kind()), paragraph.start(), paragraph.end(),
                paragraph.content(text), target, sentences);
    }

    /** A paragraph in another language, left as it is: each sentence is its own "translation". */
    AlignedParagraph untranslated(Paragraph paragraph, String language) {
        List<AlignedSentence> sentences = paragraph.sentences().stream().map(s -> new AlignedSentence(s.start(),
                s.end(), s.text(text), s.text(text), 0, List.of())).toList();
        return new AlignedParagraph(paragraph.index(), kind(paragraph.kind()), paragraph.start(), paragraph.end(),
                paragraph.content(text), paragraph.content(text), sentences, language);
    }

    private AlignedSentence sentence(Sentence sentence, List<Integer> pieces) {
        List<String> targets = new ArrayList<>();
        double score = 0;
        double logProbs = 0;
        long generated = 0;
        for (int index : pieces) {
            SentenceTranslation piece = translated.get(index);
            targets.add(piece.best().text());
            score += piece.best().score();
            logProbs += sumOfLogProbs(piece.best());
            generated += piece.best().targetIds().length;
            sourceTokens += piece.sourceIds().length;
            targetTokens += piece.best().targetIds().length;
        }
        // alternatives only make sense for a sentence translated in one piece
        List<String> alternatives = pieces.size() == 1
                ? translated.get(pieces.getFirst()).candidates().stream().skip(1)
                        .map(SentenceTranslation.Candidate::text).toList()
                : List.of();
        return new AlignedSentence(sentence.start(), sentence.end(), sentence.text(text),
                String.join(" ", targets), score / pieces.size(), alternatives,
                generated == 0 ? Double.NaN : logProbs / generated);
    }

    /** Undoes beam search's length normalisation (score = sum / length^length_penalty); greedy scores are sums. */
    private double sumOfLogProbs(SentenceTranslation.Candidate candidate) {
        return options.numBeams() > 1
                ? candidate.score() * Math.pow(candidate.targetIds().length, options.lengthPenalty())
                : candidate.score();
    }

    long sourceTokens() {
        return sourceTokens;
    }

    long targetTokens() {
        return targetTokens;
    }

    private static AlignedParagraph.ParagraphKind kind(Paragraph.Kind kind) {
        return switch (kind) {
            case PARAGRAPH -> AlignedParagraph.ParagraphKind.PARAGRAPH;
            case HEADING -> AlignedParagraph.ParagraphKind.HEADING;
            case LIST_ITEM -> AlignedParagraph.ParagraphKind.LIST_ITEM;
        };
    }
}
