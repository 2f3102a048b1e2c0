package dev.nlen.translation;

import java.util.List;

/** One source sentence, its ids ({@code </s>} included) and its translations, best first. */
public record SentenceTranslation(String source, long[] sourceIds, List<Candidate> candidates) {

    public SentenceTranslation {
        sourceIds = sourceIds.clone();
        candidates = List.copyOf(candidates);
    }

    public Candidate best() {
        return candidates.getFirst();
    }

    /** A translation and the ids it was decoded from (no decoder start token; {@code </s>} when generated). */
    public record Candidate(String text, long[] targetIds, double score) {
        public Candidate {
            targetIds = targetIds.clone();
        }
    }
}
