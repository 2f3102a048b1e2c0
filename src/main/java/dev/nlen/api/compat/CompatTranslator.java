package dev.nlen.api.compat;

import dev.nlen.api.TranslationMetrics;
import dev.nlen.config.LanguageDetection;
import dev.nlen.config.TranslatorConfig;
import dev.nlen.config.TranslatorRuntime;
import dev.nlen.detect.LanguageGuess;
import dev.nlen.format.PlainTextRenderer;
import dev.nlen.generation.GenerationOptions;
import dev.nlen.markup.HtmlDocument;
import dev.nlen.text.Paragraph;
import dev.nlen.text.SegmentedArticle;
import dev.nlen.text.Sentence;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.ArticleTranslator;
import dev.nlen.translation.LanguageCheck;
import dev.nlen.batching.QueueFullException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Texts in, plain-text translations out, for the compat APIs: each text is an article to {@code /v1/translate}'s
 * use case, under the same limits (counted over all texts together) and scheduling rules. The texts of one request
 * are submitted at once, so the batch scheduler decodes their sentences together.
 */
@ApplicationScoped
public class CompatTranslator {

    /**
     * @param alternatives how many runners-up per text (n-best of beam search), 0 for none
     * @param detect       whether the source language is to be detected (DeepL without source_lang,
     *                     LibreTranslate's auto): a text clearly in another language comes back as it is
     */
    public record Request(List<String> texts, Splitting splitting, int alternatives, boolean detect, Markup markup) {
        public Request {
            texts = List.copyOf(texts);
        }

        public Request(List<String> texts, Splitting splitting, int alternatives, boolean detect) {
            this(texts, splitting, alternatives, detect, Markup.NONE);
        }
    }

    /**
     * HTML (or DeepL's XML) input: text between tags is translated, tags and attributes stay in place; the content
     * of {@code ignoreTags} is left as it is, {@code nonSplittingTags} are inline.
     */
    public record Markup(boolean html, Set<String> ignoreTags, Set<String> nonSplittingTags) {
        public static final Markup NONE = new Markup(false, Set.of(), Set.of());

        public Markup {
            ignoreTags = Set.copyOf(ignoreTags);
            nonSplittingTags = Set.copyOf(nonSplittingTags);
        }
    }

    /**
     * One text's translation. {@code detected}: the other language when the text is clearly not Dutch (its
     * paragraphs then come back as they are), else Dutch with the detector's confidence in it (0 while the detector
     * loads, or when detection was not asked for).
     */
    public record Result(String text, List<String> alternatives, LanguageGuess detected) {}

    private static final PlainTextRenderer PLAIN = new PlainTextRenderer();
    private static final LanguageGuess ASSUMED_DUTCH = new LanguageGuess(LanguageDetection.DUTCH, 0);

    @Inject
    TranslatorRuntime runtime;

    @Inject
    LanguageDetection detection;

    @Inject
    TranslationMetrics metrics;

    /**
     * Checks the request against the limits (throwing {@link CompatException}), then translates all texts at once.
     * The future fails with a {@link CompatException} (429 queue full, 504 timed out) or the translation's own
     * error; cancelling it gives up on every sentence still queued or running.
     */
    public CompletableFuture<List<Result>> translate(Request request) {
        TranslatorConfig.Limits limits = runtime.config().limits();
        long characters = request.texts().stream().mapToLong(t -> t.codePointCount(0, t.length())).sum();
        if (characters > limits.maxCharacters()) {
            throw CompatException.tooLarge("the texts have " + characters + " characters together; the limit is "
                    + limits.maxCharacters());
        }
        // an explicit Dutch source is taken at its word; otherwise foreign paragraphs are left as they are
        ArticleTranslator translator = runtime.translator().map(t -> request.detect() ? t
                : t.withLanguageCheck(LanguageCheck.NONE)).orElseThrow(this::notReady);
        GenerationOptions options = options(request.alternatives(), runtime.defaults().orElseThrow(this::notReady));
        List<SegmentedArticle> articles = new ArrayList<>();
        int paragraphs = 0;
        List<HtmlDocument> htmls = new ArrayList<>();
        for (String text : request.texts()) {
            HtmlDocument html = request.markup().html() && !text.isBlank() ? HtmlDocument.parse(text,
                    request.markup().ignoreTags(), request.markup().nonSplittingTags()) : null;
            htmls.add(html);
            SegmentedArticle article = text.isBlank() || (html != null && html.pieces().isEmpty()) ? null
                    : html != null ? translator.segment(html) : segment(translator, text, request.splitting());
            paragraphs += article == null ? 0 : article.paragraphs().size();
            articles.add(article);
        }
        if (paragraphs > limits.maxParagraphs()) {
            throw CompatException.tooLarge("the texts have " + paragraphs + " paragraphs together; the limit is "
                    + limits.maxParagraphs());
        }
        TranslatorConfig.Scheduling scheduling = runtime.config().scheduling();
        List<CompletableFuture<Result>> pending = new ArrayList<>();
        try {
            for (int i = 0; i < articles.size(); i++) {
                pending.add(htmls.get(i) != null && articles.get(i) != null
                        ? html(translator, request.texts().get(i), htmls.get(i), articles.get(i), options, request)
                        : one(translator, request.texts().get(i), articles.get(i), options, request));
            }
        } catch (QueueFullException e) {
            pending.forEach(f -> f.cancel(true));
            long seconds = Math.max(1, scheduling.retryAfter().toSeconds());
            throw new CompatException(429, "Too many requests: the service holds as much work as it may; "
                    + "try again in " + seconds + " s.", seconds);
        }
        CompletableFuture<List<Result>> all = CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> pending.stream().map(CompletableFuture::join).toList());
        all.orTimeout(scheduling.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        // one text failing, timing out or the client going away gives up on all of them
        all.whenComplete((done, failure) -> {
            if (failure != null) {
                pending.forEach(f -> f.cancel(true));
            }
        });
        return all.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                unwrap(failure) instanceof TimeoutException ? new CompatException(504, "the translation was not done "
                        + "within " + scheduling.requestTimeout().toMillis() + " ms and was stopped") : unwrap(failure)));
    }

    private CompletableFuture<Result> one(ArticleTranslator translator, String text, SegmentedArticle article,
                                          GenerationOptions options, Request request) {
        LanguageGuess guess = request.detect() ? detected(text) : ASSUMED_DUTCH;
        if (article == null) {
            return CompletableFuture.completedFuture(new Result(text, List.of(), guess));
        }
        return translator.translateAsync(article, options).thenApply(document -> {
            metrics.record(document);
            List<String> alternatives = new ArrayList<>();
            for (int k = 0; k < request.alternatives(); k++) {
                alternatives.add(PLAIN.render(alternative(document, k)));
            }
            return new Result(PLAIN.render(document), alternatives, guess);
        });
    }

    private LanguageGuess detected(String text) {
        return detection.foreign(text).orElseGet(() -> new LanguageGuess(LanguageDetection.DUTCH,
                detection.guesses(text).orElse(List.of()).stream().filter(g -> g.language().equals(LanguageDetection.DUTCH))
                        .mapToDouble(LanguageGuess::confidence).findFirst().orElse(0)));
    }

    /** HTML in, the same HTML with the English in place out (no alternatives: they have no place in markup). */
    private CompletableFuture<Result> html(ArticleTranslator translator, String text, HtmlDocument html,
                                           SegmentedArticle article, GenerationOptions options, Request request) {
        LanguageGuess guess = request.detect() ? detected(html.plainText()) : ASSUMED_DUTCH;
        return translator.translateAsync(html, article, options).thenApply(translated -> {
            metrics.record(translated.document());
            return new Result(translated.html(), List.of(), guess);
        });
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static SegmentedArticle segment(ArticleTranslator translator, String text, Splitting splitting) {
        return switch (splitting) {
            case SENTENCES -> byLine(translator, text);
            // same length, so offsets still hold; the line breaks are gone from what is translated
            case NO_NEWLINES -> translator.segment(text.replace('\n', ' ').replace('\r', ' '));
            case NONE -> {
                SegmentedArticle article = translator.segment(text);
                yield new SegmentedArticle(text, article.paragraphs().stream().map(p -> new Paragraph(p.index(),
                        p.kind(), p.start(), p.end(), List.of(new Sentence(p.sentences().getFirst().start(),
                        p.sentences().getLast().end()))))
                        .toList());
            }
        };
    }

    /** DeepL's default: a line break ends a sentence and stays in the answer, so each line is a paragraph. */
    private static SegmentedArticle byLine(ArticleTranslator translator, String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int from = 0;
        while (from <= text.length()) {
            int newline = text.indexOf('\n', from);
            int to = newline < 0 ? text.length() : newline;
            String line = text.substring(from, to);
            if (!line.isBlank()) {
                int shift = from;
                for (Paragraph p : translator.segment(line).paragraphs()) {
                    paragraphs.add(new Paragraph(paragraphs.size(), p.kind(), p.start() + shift, p.end() + shift,
                            p.sentences().stream().map(s -> new Sentence(s.start() + shift, s.end() + shift)).toList()));
                }
            }
            from = to + 1;
        }
        return new SegmentedArticle(text, paragraphs);
    }

    private static GenerationOptions options(int alternatives, GenerationOptions defaults) {
        if (alternatives < 0 || alternatives >= GenerationOptions.MAX_BEAMS) {
            throw CompatException.badRequest("alternatives must be between 0 and " + (GenerationOptions.MAX_BEAMS - 1)
                    + ", got " + alternatives);
        }
        GenerationOptions options = defaults.numBeams() > alternatives ? defaults : defaults.withNumBeams(alternatives + 1);
        return options.withNumReturnSequences(alternatives + 1);
    }

    /** The document with each sentence's {@code k}-th runner-up where it has one (its best translation where not). */
    private static AlignedDocument alternative(AlignedDocument document, int k) {
        List<AlignedParagraph> paragraphs = document.paragraphs().stream().map(p -> new AlignedParagraph(p.index(),
                p.kind(), p.start(), p.end(), p.source(), String.join(" ", p.sentences().stream()
                        .map(s -> s.alternatives().size() > k ? s.alternatives().get(k) : s.target()).toList()),
                p.sentences())).toList();
        return new AlignedDocument(document.sourceText(), document.model(), paragraphs, document.stats());
    }

    private CompatException notReady() {
        TranslatorRuntime.Status status = runtime.status();
        return new CompatException(503, "the model is " + status.state() + "; try again shortly");
    }
}
