package dev.nlen.api;

import dev.nlen.generation.GenerationOptions;

/** Request options on top of the service defaults, each checked against its range. */
final class OptionsResolver {

    private OptionsResolver() {
    }

    static GenerationOptions resolve(TranslateRequest.Options requested, GenerationOptions defaults) {
        GenerationOptions options = defaults;
        if (requested.beams() != null) {
            int beams = requested.beams();
            if (beams < 1 || beams > GenerationOptions.MAX_BEAMS) {
                throw ProblemException.outOfRange("options.beams", "beams must be between 1 and "
                        + GenerationOptions.MAX_BEAMS + ", got " + beams, "1.." + GenerationOptions.MAX_BEAMS);
            }
            options = options.withNumBeams(beams);
        }
        if (requested.maxNewTokens() != null) {
            int max = defaults.maxLength() - 1;
            int tokens = requested.maxNewTokens();
            if (tokens < 1 || tokens > max) {
                throw ProblemException.outOfRange("options.maxNewTokens", "maxNewTokens must be between 1 and " + max
                        + ", got " + tokens, "1.." + max);
            }
            options = options.withMaxNewTokens(tokens);
        }
        if (requested.alternatives() != null) {
            int alternatives = requested.alternatives();
            int max = options.numBeams() - 1;
            if (alternatives < 0 || alternatives > max) {
                throw ProblemException.outOfRange("options.alternatives", "alternatives must be between 0 and "
                        + max + " (beams - 1) with " + options.numBeams() + " beams, got " + alternatives, "0.." + max);
            }
            options = options.withNumReturnSequences(alternatives + 1);
        } else {
            options = options.withNumReturnSequences(1);
        }
        return options;
    }
}
