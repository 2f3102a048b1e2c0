package dev.nlen.api;

import dev.nlen.format.DocumentRenderer;
import dev.nlen.format.DocumentRenderers;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;

/** Content negotiation: the client's most preferred Accept entry that one of our renderers serves. */
final class OutputFormats {

    private OutputFormats() {
    }

    /** JSON for no Accept or {@code *}/{@code *}; 406 when nothing acceptable is served. */
    static DocumentRenderer negotiate(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return DocumentRenderers.all().getFirst();
        }
        for (MediaType wanted : acceptable) {      // JAX-RS sorts them by q and specificity
            for (DocumentRenderer renderer : DocumentRenderers.all()) {
                if (wanted.isCompatible(MediaType.valueOf(renderer.mediaType()))) {
                    return renderer;
                }
            }
        }
        throw ProblemException.of(Status.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable",
                "none of the Accept header's types is served; ask for one of " + DocumentRenderers.mediaTypes(),
                "Accept", String.join(", ", DocumentRenderers.mediaTypes()));
    }
}
