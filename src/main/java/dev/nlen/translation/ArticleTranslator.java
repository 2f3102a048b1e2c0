package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.text.ArticleSegmenter;
import dev.nlen.text.LongSentenceSplitter;
import dev.nlen.text.Paragraph;
import dev.nlen.text.SegmentedArticle;
import dev.nlen.text.Sentence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The use case: an article → paragraphs and sentences → one batched translation of every distinct piece → the
 * aligned document. A sentence too long for the model is cut into pieces that are translated and joined; nothing
 * is dropped, and everything keeps the article's order.
 */
public final class ArticleTranslator {

    /** Room left under the position limit: a piece's tokens plus {@code </s>} must fit. */
    private static final int POSITION_MARGIN = 2;

    private final SentenceTranslator translator;
    private final ArticleSegmenter segmenter;
    private final LongSentenceSplitter splitter;

    public ArticleTranslator(SentenceTranslator translator, ArticleSegmenter segmenter) {
        this(translator, segmenter, Integer.MAX_VALUE);
    }

    /** @param maxPieceTokens cut sentences longer than this many tokens (capped by the model's positions) */
    public ArticleTranslator(SentenceTranslator translator, ArticleSegmenter segmenter, int maxPieceTokens) {
        this.translator = translator;
        this.segmenter = segmenter;
        this.splitter = new LongSentenceSplitter(translator::countTokens,
                Math.min(maxPieceTokens, translator.maxSourceTokens() - POSITION_MARGIN));
    }

    public SegmentedArticle segment(String text) {
        return segmenter.segment(text);
    }

    public AlignedDocument translate(String text, GenerationOptions options) {
        return translate(segmenter.segment(text), options);
    }

    public AlignedDocument translate(SegmentedArticle article, GenerationOptions options) {
        long started = System.nanoTime();
        Plan plan = plan(article);
        List<SentenceTranslation> translated = translator.translate(plan.pieces(), options);
        DocumentAssembler assembler = new DocumentAssembler(article.text(), translated, options);
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        for (int p = 0; p < article.paragraphs().size(); p++) {
            paragraphs.add(assembler.paragraph(article.paragraphs().get(p), plan.pieceIndices().get(p)));
        }
        return document(article, paragraphs, assembler, started);
    }

    /**
     * The same translation, paragraph by paragraph: {@code onParagraph} gets each paragraph, in order, as soon as it
     * and every paragraph before it are translated (each paragraph's new pieces are queued as a request of their
     * own, so they still share batches). The future completes with the whole document after the last paragraph.
     * Cancelling it, a failed translation or a throwing {@code onParagraph} gives up the paragraphs not yet done.
     */
    public CompletableFuture<AlignedDocument> stream(SegmentedArticle article, GenerationOptions options,
                                                     Consumer<AlignedParagraph> onParagraph) {
        long started = System.nanoTime();
        Plan plan = plan(article);
        // written only by the chained stages below, which run one after another
        List<SentenceTranslation> translated = new ArrayList<>(Collections.nCopies(plan.pieces().size(), null));
        DocumentAssembler assembler = new DocumentAssembler(article.text(), translated, options);
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        List<CompletableFuture<?>> submitted = new ArrayList<>();
        CompletableFuture<AlignedDocument> result = new CompletableFuture<>();
        result.whenComplete((document, failure) -> {
            if (failure != null) {
                submitted.forEach(future -> future.cancel(true));
            }
        });
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        int firstNew = 0;
        try {
            for (int p = 0; p < article.paragraphs().size(); p++) {
                Paragraph paragraph = article.paragraphs().get(p);
                List<List<Integer>> indices = plan.pieceIndices().get(p);
                // pieces are numbered in order of first appearance: this paragraph's new ones follow the earlier ones'
                int end = Math.max(firstNew, indices.stream().flatMap(List::stream).mapToInt(i -> i + 1).max().orElse(0));
                int offset = firstNew;
                CompletableFuture<List<SentenceTranslation>> own = end == offset
                        ? CompletableFuture.completedFuture(List.of())
                        : translator.translateAsync(plan.pieces().subList(offset, end), options);
                submitted.add(own);
                own.whenComplete((out, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(unwrap(failure)); // fail at once, not when the rest is done
                    }
                });
                previous = previous.thenCombine(own, (ignored, out) -> {
                    if (result.isDone()) {
                        return null; // failed or cancelled meanwhile: nothing more is emitted
                    }
                    for (int i = 0; i < out.size(); i++) {
                        translated.set(offset + i, out.get(i));
                    }
                    AlignedParagraph aligned = assembler.paragraph(paragraph, indices);
                    paragraphs.add(aligned);
                    onParagraph.accept(aligned);
                    return null;
                });
                firstNew = end;
            }
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return result;
        }
        previous.whenComplete((ignored, failure) -> {
            if (failure != null) {
                result.completeExceptionally(unwrap(failure));
            } else {
                result.complete(document(article, paragraphs, assembler, started));
            }
        });
        return result;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Every distinct piece once, in order of first appearance, and where each sentence's pieces are. */
    private record Plan(List<String> pieces, List<List<List<Integer>>> pieceIndices) {}

    private Plan plan(SegmentedArticle article) {
        String text = article.text();
        Map<String, Integer> distinct = new LinkedHashMap<>();      // piece text → index of its translation
        List<List<List<Integer>>> pieceIndices = new ArrayList<>(); // paragraph → sentence → pieces
        for (Paragraph paragraph : article.paragraphs()) {
            List<List<Integer>> sentences = new ArrayList<>();
            for (Sentence sentence : paragraph.sentences()) {
                List<Integer> pieces = new ArrayList<>();
                for (Sentence piece : splitter.split(text, sentence)) {
                    pieces.add(distinct.computeIfAbsent(piece.textForTranslation(text), k -> distinct.size()));
                }
                sentences.add(pieces);
            }
            pieceIndices.add(sentences);
        }
        return new Plan(List.copyOf(distinct.keySet()), pieceIndices);
    }

    private AlignedDocument document(SegmentedArticle article, List<AlignedParagraph> paragraphs,
                                     DocumentAssembler assembler, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        AlignedDocument.Stats stats = new AlignedDocument.Stats(paragraphs.size(), article.sentenceCount(),
                assembler.sourceTokens(), assembler.targetTokens(), millis);
        return new AlignedDocument(article.text(), translator.info(), paragraphs, stats);
    }
}
