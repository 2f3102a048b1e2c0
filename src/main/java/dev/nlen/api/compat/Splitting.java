package dev.nlen.api.compat;

/** How a text is cut before translation (DeepL's {@code split_sentences}). */
public enum Splitting {
    /** Paragraphs at blank lines, then Dutch sentences: what {@code /v1/translate} does. */
    SENTENCES,
    /** Each paragraph translated as one piece (DeepL {@code 0}); over-long pieces are still cut at clauses. */
    NONE,
    /** Line breaks do not separate anything; sentences only at punctuation (DeepL {@code nonewlines}). */
    NO_NEWLINES
}
