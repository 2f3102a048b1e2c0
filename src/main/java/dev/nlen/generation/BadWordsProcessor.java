package dev.nlen.generation;

import java.util.List;

/**
 * {@code bad_words_ids}: a single-token entry is never generated (Marian's pad); a longer entry bans its last
 * token where the sequence ends with the rest of it.
 */
record BadWordsProcessor(List<List<Long>> badWords) implements LogitsProcessor {

    @Override
    public void process(long[][] sequences, float[][] scores) {
        for (int row = 0; row < scores.length; row++) {
            for (List<Long> word : badWords) {
                if (word.isEmpty()) {
                    continue;
                }
                if (endsWith(sequences[row], word.subList(0, word.size() - 1))) {
                    scores[row][word.getLast().intValue()] = Float.NEGATIVE_INFINITY;
                }
            }
        }
    }

    private static boolean endsWith(long[] sequence, List<Long> tail) {
        int offset = sequence.length - tail.size();
        if (offset < 0) {
            return false;
        }
        for (int i = 0; i < tail.size(); i++) {
            if (sequence[offset + i] != tail.get(i)) {
                return false;
            }
        }
        return true;
    }

    /** Single-token entries ban the same id everywhere; longer ones depend on each row's tokens. */
    @Override
    public long[] tokensBannedAt(int sequenceLength) {
        if (badWords.stream().anyMatch(word -> word.size() > 1)) {
            return null;
        }
        return badWords.stream().filter(word -> !word.isEmpty()).mapToLong(List::getFirst).toArray();
    }

    @Override
    public boolean commutesWithNormalisation() {
        return true; // only bans tokens
    }
}
