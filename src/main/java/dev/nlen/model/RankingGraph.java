package dev.nlen.model;

import java.util.List;

/**
 * Writes the graph that ranks a decoder step inside ONNX Runtime, fed with the decoder's {@code logits} tensor as it
 * is: bans (an additive 0 / -inf bias), log-softmax, plus the beam scores, and per sentence only the best {@code k}
 * (beam · vocab + token) by TopK, whose ties go to the lower index as in the Java ranking.
 */
final class RankingGraph {

    private RankingGraph() {
    }

    /**
     * @param normaliseAfterBias log_softmax(logits + bias) when true (greedy, or {@code renormalize_logits}),
     *                           log_softmax(logits) + bias when false (Hugging Face beam search without it)
     */
    static byte[] build(boolean normaliseAfterBias) {
        Proto graph = new Proto();
        graph.message(1, Proto.node("Reshape", List.of("logits", "rows_vocab"), List.of("x")));
        if (normaliseAfterBias) {
            graph.message(1, Proto.node("Add", List.of("x", "bias"), List.of("z")));
            graph.message(1, Proto.node("LogSoftmax", List.of("z"), List.of("lp"), "axis", 1));
        } else {
            graph.message(1, Proto.node("LogSoftmax", List.of("x"), List.of("lp0"), "axis", 1));
            graph.message(1, Proto.node("Add", List.of("lp0", "bias"), List.of("lp")));
        }
        graph.message(1, Proto.node("Add", List.of("lp", "beam_scores"), List.of("s")));
        graph.message(1, Proto.node("Reshape", List.of("s", "sentences_width"), List.of("per_sentence")));
        graph.message(1, Proto.node("TopK", List.of("per_sentence", "k"), List.of("scores", "indices"),
                "axis", 1, "largest", 1, "sorted", 1));
        graph.string(2, normaliseAfterBias ? "rank_normalise_after_bias" : "rank_bias_after_normalise");
        graph.message(11, Proto.valueInfo("logits", GatherGraph.FLOAT));
        graph.message(11, Proto.valueInfo("rows_vocab", GatherGraph.INT64));
        graph.message(11, Proto.valueInfo("bias", GatherGraph.FLOAT));
        graph.message(11, Proto.valueInfo("beam_scores", GatherGraph.FLOAT));
        graph.message(11, Proto.valueInfo("sentences_width", GatherGraph.INT64));
        graph.message(11, Proto.valueInfo("k", GatherGraph.INT64));
        graph.message(12, Proto.valueInfo("scores", GatherGraph.FLOAT));
        graph.message(12, Proto.valueInfo("indices", GatherGraph.INT64));
        return Proto.model(graph);
    }
}
