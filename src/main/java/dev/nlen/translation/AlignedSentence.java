package dev.nlen.translation;

import java.util.List;

/**
 * One source sentence (an exact substring {@code [start, end)} of the article) and its translation;
 * {@code alternatives} holds the n-best runners-up when the request asked for them.
 */
public record AlignedSentence(int start, int end, String source, String target, double score,
                              List<String> alternatives) {

    public AlignedSentence {
        alternatives = List.copyOf(alternatives);
    }
}
