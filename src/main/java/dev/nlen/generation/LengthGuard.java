package dev.nlen.generation;

/**
 * A bound on the output relative to the source, like Marian's {@code --max-length-factor}: a sentence may generate at
 * most {@code ceil(factor × sourceTokens) + offset} new tokens ({@code sourceTokens} counts the source's
 * {@code </s>}, the new tokens count the output's eos), never more than {@code max_length} / {@code max_new_tokens}
 * allow, and never fewer than {@code min_length} / {@code min_new_tokens} ask for. It bounds {@code max_length} (the
 * export's 512) only: an explicit {@code max_new_tokens} (a request's {@code maxNewTokens}, {@code --max-new-tokens},
 * {@code translator.generation.max-new-tokens}) is the caller's own bound, already counted by admission, and is
 * honoured exactly, so asking for N tokens gives what {@code generate} gives. It is a stopping criterion only: a
 * sentence whose search ends within the cap decodes exactly as without it; one that would run on (a model that
 * never emits {@code </s>}) stops at the cap as it would at {@code max_length}. Not a {@code generation_config.json}
 * field: Hugging Face has no such bound, so {@link #OFF} reproduces {@code generate} on every input.
 *
 * @param factor new tokens per source token; 0 turns the guard off
 * @param offset new tokens allowed on top of {@code factor × sourceTokens}
 */
public record LengthGuard(double factor, int offset) {

    /** No bound beyond {@code max_length}: Hugging Face {@code generate}'s behaviour. */
    public static final LengthGuard OFF = new LengthGuard(0, 0);

    /**
     * The engine's default, 3 × source + 10. opus-mt-nl-en's two SentencePiece vocabularies cut Dutch and English
     * into pieces of about the same size, so a translation has roughly as many tokens as its source (English about
     * 0.9–1.3 × Dutch); 3 is Marian's own default {@code max-length-factor}, chosen there for language pairs far
     * less alike. The offset keeps very short sources (a one-piece Dutch compound, a headline) from being cut: a 2-token
     * source may still write 16 tokens. So a normal translation is never near the cap, while a degenerate one costs
     * at most about 3 × its source instead of {@code max_length} (512) tokens.
     */
    public static final LengthGuard DEFAULT = new LengthGuard(3.0, 10);

    public LengthGuard {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("max-length factor must be a finite number >= 0, is " + factor);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("max-length offset must be >= 0, is " + offset);
        }
    }

    public boolean enabled() {
        return factor > 0;
    }

    /**
     * The decoder sequence length (start token included, as {@code max_length} counts) at which a sentence of
     * {@code sourceTokens} source tokens stops.
     */
    public int maxLength(int sourceTokens, GenerationOptions options) {
        int limit = options.effectiveMaxLength();
        if (!enabled() || options.maxNewTokens() > 0) {
            return limit;   // an explicit max_new_tokens is the caller's own bound, honoured as generate honours it
        }
        long newTokens = (long) Math.ceil(factor * sourceTokens) + offset;
        long requested = Math.max(options.minLength(), options.minNewTokens() + 1L); // what min_* ask for, start incl.
        long cap = Math.max(newTokens + 1, requested);
        return (int) Math.min(limit, Math.max(2, cap));
    }
}
