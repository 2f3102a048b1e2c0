package dev.nlen.translation;

import dev.nlen.generation.GenerationOptions;
import dev.nlen.markup.HtmlDocument;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    private final LanguageCheck languageCheck;

    public ArticleTranslator(SentenceTranslator translator, ArticleSegmenter segmenter) {
        this(translator, segmenter, Integer.MAX_VALUE);
    }

    /** @param maxPieceTokens cut sentences longer than this many tokens (capped by the model's positions) */
    public ArticleTranslator(SentenceTranslator translator, ArticleSegmenter segmenter, int maxPieceTokens) {
        this.translator = translator;
        this.segmenter = segmenter;
        this.splitter = new LongSentenceSplitter(translator::countTokens,
                Math.min(maxPieceTokens, translator.maxSourceTokens() - POSITION_MARGIN));
        this.languageCheck = LanguageCheck.NONE;
    }

    private ArticleTranslator(ArticleTranslator base, LanguageCheck languageCheck) {
        this.translator = base.translator;
        this.segmenter = base.segmenter;
        this.splitter = base.splitter;
        this.languageCheck = languageCheck;
    }

    /** The same translator, leaving paragraphs that {@code check} finds foreign as they are (flagged). */
    public ArticleTranslator withLanguageCheck(LanguageCheck check) {
        return new ArticleTranslator(this, check);
    }

    public SegmentedArticle segment(String text) {
        return segmenter.segment(text);
    }

    /** The HTML's pieces as an article: one paragraph per piece, the kind the HTML gives it. */
    public SegmentedArticle segment(HtmlDocument html) {
        return HtmlTranslation.segment(this, html);
    }

    /** An HTML document translated: its aligned document and the HTML with the English in place. */
    public TranslatedHtml translate(HtmlDocument html, GenerationOptions options) {
        return translate(html, segment(html), options);
    }

    /** As {@link #translate(HtmlDocument, GenerationOptions)}, with the article from {@link #segment(HtmlDocument)}. */
    public TranslatedHtml translate(HtmlDocument html, SegmentedArticle article, GenerationOptions options) {
        return HtmlTranslation.translate(this, translator, html, article, options);
    }

    /** As {@link #translateAsync(SegmentedArticle, GenerationOptions)}, for HTML: cancelling stops all of it. */
    public CompletableFuture<TranslatedHtml> translateAsync(HtmlDocument html, SegmentedArticle article,
                                                            GenerationOptions options) {
        return HtmlTranslation.translateAsync(this, translator, html, article, options);
    }

    public AlignedDocument translate(String text, GenerationOptions options) {
        return translate(segmenter.segment(text), options);
    }

    public AlignedDocument translate(SegmentedArticle article, GenerationOptions options) {
        long started = System.nanoTime();
        Pieces pieces = pieces(article);
        return assemble(article, pieces, translator.translate(pieces.distinct(), options), options,
                started);
    }

    /**
     * The same without holding the caller's thread while the sentences are decoded. Whoever gives up on the
     * returned future (cancel, {@code orTimeout}) gives up on the sentences too: they leave the queue and the
     * running batch.
     */
    public CompletableFuture<AlignedDocument> translateAsync(SegmentedArticle article, GenerationOptions options) {
        long started = System.nanoTime();
        Pieces pieces = pieces(article);
        CompletableFuture<List<SentenceTranslation>> work = translator.translateAsync(pieces.distinct(), options);
        CompletableFuture<AlignedDocument> document = work.thenApply(t -> assemble(article, pieces, t, options,
                started));
        document.whenComplete((done, failure) -> {
            if (failure != null) {
                work.cancel(true);
            }
        });
        return document;
    }

    /**
     * The same translation, paragraph by paragraph: {@code onParagraph} gets each paragraph, in order, as soon as it
     * and every paragraph before it are translated (each paragraph's new pieces are queued as a request of their
     * own, so they still share batches). The first paragraph with anything to translate is queued alone and the
     * rest when it is done: in one batch with the others it would finish only when the whole article does, alone it
     * is back after a few small decoding steps (a reader sees text at once, for a small share of the total time).
     * The future completes with the whole document after the last paragraph. Cancelling it, a failed translation or
     * a throwing {@code onParagraph} gives up the paragraphs not yet done (and never queues those held back).
     */
    public CompletableFuture<AlignedDocument> stream(SegmentedArticle article, GenerationOptions options,
                                                     Consumer<AlignedParagraph> onParagraph) {
        long started = System.nanoTime();
        Pieces pieces = pieces(article);
        // written only by the chained stages below, which run one after another
        List<SentenceTranslation> translated = new ArrayList<>(Collections.nCopies(pieces.distinct().size(), null));
        DocumentAssembler assembler = new DocumentAssembler(article.text(), translated, options);
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        // added from this thread and, for the paragraphs held back, from the thread that finishes the first one
        List<CompletableFuture<?>> submitted = new CopyOnWriteArrayList<>();
        CompletableFuture<AlignedDocument> result = new CompletableFuture<>();
        result.whenComplete((document, failure) -> {
            if (failure != null) {
                submitted.forEach(future -> future.cancel(true));
            }
        });
        CompletableFuture<Void> firstDone = null;   // set once the first paragraph with new pieces is queued
        CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);
        int firstNew = 0;
        try {
            for (int p = 0; p < article.paragraphs().size(); p++) {
                Paragraph paragraph = article.paragraphs().get(p);
                List<List<Integer>> indices = pieces.indices().get(p);
                String language = pieces.foreign().get(p);
                // pieces are numbered in order of first appearance: this paragraph's new ones follow the earlier ones'
                int end = Math.max(firstNew, indices.stream().flatMap(List::stream).mapToInt(i -> i + 1).max().orElse(0));
                int offset = firstNew;
                List<String> news = pieces.distinct().subList(offset, end);
                CompletableFuture<List<SentenceTranslation>> own;
                if (news.isEmpty()) {
                    own = CompletableFuture.completedFuture(List.of());
                } else if (firstDone == null) {
                    own = translator.translateAsync(news, options);
                    firstDone = own.thenAccept(out -> { });   // opens on success only: a failure fails it all
                } else {
                    own = queuedAfter(firstDone, result, submitted, () -> translator.translateAsync(news, options));
                }
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
                    AlignedParagraph aligned = language != null ? assembler.untranslated(paragraph, language)
                            : assembler.paragraph(paragraph, indices);
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

    /**
     * A request queued once {@code gate} completes normally, unless {@code result} is done by then (failed or
     * cancelled: the request is never queued). The returned future follows the request; cancelling it cancels the
     * request.
     */
    private static <T> CompletableFuture<T> queuedAfter(CompletableFuture<Void> gate, CompletableFuture<?> result,
                                                        List<CompletableFuture<?>> submitted,
                                                        Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> own = new CompletableFuture<>();
        gate.thenRun(() -> {
            if (result.isDone() || own.isDone()) {
                own.cancel(true);
                return;
            }
            CompletableFuture<T> work = request.get();
            submitted.add(work);
            own.whenComplete((out, failure) -> {
                if (own.isCancelled()) {
                    work.cancel(true);
                }
            });
            work.whenComplete((out, failure) -> {
                if (failure != null) {
                    own.completeExceptionally(unwrap(failure));
                } else {
                    own.complete(out);
                }
            });
        });
        return own;
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    /**
     * The distinct pieces to translate, per paragraph and sentence the indices of its pieces, and per paragraph
     * its language when it is left as it is (null when translated).
     */
    private record Pieces(List<String> distinct, List<List<List<Integer>>> indices, List<String> foreign) {}

    private Pieces pieces(SegmentedArticle article) {
        String text = article.text();
        Map<String, Integer> distinct = new LinkedHashMap<>();      // piece text → index of its translation
        List<List<List<Integer>>> pieceIndices = new ArrayList<>(); // paragraph → sentence → pieces
        List<String> foreign = new ArrayList<>();                   // paragraph → its language if left as it is
        for (Paragraph paragraph : article.paragraphs()) {
            String language = languageCheck.foreignLanguage(paragraph.content(text)).orElse(null);
            foreign.add(language);
            List<List<Integer>> sentences = new ArrayList<>();
            if (language != null) {
                pieceIndices.add(sentences);
                continue;
            }
            for (Sentence sentence : paragraph.sentences()) {
                List<Integer> pieces = new ArrayList<>();
                for (Sentence piece : splitter.split(text, sentence)) {
                    pieces.add(distinct.computeIfAbsent(piece.textForTranslation(text), k -> distinct.size()));
                }
                sentences.add(pieces);
            }
            pieceIndices.add(sentences);
        }
        return new Pieces(List.copyOf(distinct.keySet()), pieceIndices, foreign);
    }

    private AlignedDocument assemble(SegmentedArticle article, Pieces pieces, List<SentenceTranslation> translated,
                                     GenerationOptions options, long started) {
        String text = article.text();
        DocumentAssembler assembler = new DocumentAssembler(text, translated, options);
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        for (int p = 0; p < article.paragraphs().size(); p++) {
            String language = pieces.foreign().get(p);
            paragraphs.add(language != null ? assembler.untranslated(article.paragraphs().get(p), language)
                    : assembler.paragraph(article.paragraphs().get(p), pieces.indices().get(p)));
        }
        return document(article, paragraphs, assembler, started);
    }

    private AlignedDocument document(SegmentedArticle article, List<AlignedParagraph> paragraphs,
                                     DocumentAssembler assembler, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        AlignedDocument.Stats stats = new AlignedDocument.Stats(paragraphs.size(), article.sentenceCount(),
                assembler.sourceTokens(), assembler.targetTokens(), millis);
        return new AlignedDocument(article.text(), translator.info(), paragraphs, stats);
    }
}
