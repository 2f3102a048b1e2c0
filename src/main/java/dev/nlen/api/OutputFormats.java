package dev.nlen.api;

import dev.nlen.format.DocumentRenderer;
import dev.nlen.format.DocumentRenderers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/**
 * Content negotiation (RFC 9110 §12.5.1) over the media ranges JAX-RS parsed: each format gets the quality of the most
 * specific range that matches it, {@code q=0} means "not acceptable", and ties go to the order we list the formats.
 */
final class OutputFormats {

    private OutputFormats() {
    }

    /** JSON for no Accept or {@code *}/{@code *}; 406 when nothing acceptable is served. */
    static DocumentRenderer negotiate(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return DocumentRenderers.all().getFirst();
        }
        DocumentRenderer best = null;
        double bestQuality = 0;
        for (DocumentRenderer renderer : DocumentRenderers.all()) {
            double quality = quality(MediaType.valueOf(renderer.mediaType()), acceptable);
            if (quality > bestQuality) {
                best = renderer;
                bestQuality = quality;
            }
        }
        if (best == null) {
            throw ProblemException.of(Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                    "none of the Accept header's types is served; ask for one of " + DocumentRenderers.mediaTypes(),
                    "Accept", String.join(", ", DocumentRenderers.mediaTypes()));
        }
        return best;
    }

    private static double quality(MediaType served, List<MediaType> ranges) {
        int bestSpecificity = -1;
        double quality = 0;
        for (MediaType range : ranges) {
            if (range.isCompatible(served)) {
                int specificity = (range.isWildcardType() ? 0 : 1) + (range.isWildcardSubtype() ? 0 : 1);
                if (specificity > bestSpecificity) {
                    bestSpecificity = specificity;
                    quality = q(range);
                }
            }
        }
        return quality;
    }

    private static double q(MediaType range) {
        String q = range.getParameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q.strip());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below
        }
        throw ProblemException.of(Status.BAD_REQUEST, "invalid-header", "Invalid header",
                "the Accept header's q=" + q + " is not a number between 0 and 1", "Accept", "0..1");
    }
}
