package dev.nlen.api.compat;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Turns a compat translation into the HTTP answer: the body on success, the API's own error shape on failure; a
 * client that hangs up cancels the translation.
 */
public final class CompatResponses {

    private static final Logger LOG = Logger.getLogger(CompatResponses.class);

    private CompatResponses() {
    }

    /**
     * @param errorBody the API's error document for a message ({@code {"message": ...}}, {@code {"error": ...}})
     */
    public static <T> CompletionStage<Response> answer(CompletableFuture<T> work, Function<T, Object> body,
                                                       Function<String, Object> errorBody) {
        CompletableFuture<Response> response = work.handle((done, failure) -> failure == null
                ? Response.ok(body.apply(done), MediaType.APPLICATION_JSON).build()
                : error(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure,
                        errorBody));
        response.whenComplete((done, failure) -> {
            if (response.isCancelled()) {
                work.cancel(true);
            }
        });
        return response;
    }

    /** The API's error answer for any failure; details of unexpected ones stay in the log. */
    public static Response error(Throwable failure, Function<String, Object> errorBody) {
        if (failure instanceof CompatException e) {
            Response.ResponseBuilder builder = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                    .entity(errorBody.apply(e.getMessage()));
            return e.retryAfterSeconds() > 0 ? builder.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build()
                    : builder.build();
        }
        LOG.error("compat translation failed", failure);
        return Response.status(500).type(MediaType.APPLICATION_JSON)
                .entity(errorBody.apply("Internal error: the translation failed; the server log has the details."))
                .build();
    }
}
