package dev.nlen.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code Accept} and {@code Content-Type} as JAX-RS parses them; a header it cannot parse is the client's error (400
 * or 415 with a problem body) on every endpoint, before any resource runs, instead of an exception deep inside one.
 */
public final class HeaderChecks {

    @ServerRequestFilter(preMatching = true)
    public Response rejectMalformed(ContainerRequestContext request) {
        try {
            request.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            return ProblemMappers.respond(malformedAccept(request.getHeaderString(HttpHeaders.ACCEPT)));
        }
        try {
            request.getMediaType();
        } catch (IllegalArgumentException e) {
            return ProblemMappers.respond(RequestReader.unsupported("(malformed)").problem());
        }
        return null;
    }

    /**
     * The request's media type; RESTEasy Reactive keeps the optional white space before {@code ;} (RFC 9110 §5.6.6)
     * in the subtype, so {@code text/plain ; charset=utf-8} is read as {@code text/plain}.
     */
    static MediaType contentType(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type == null ? null : new MediaType(type.getType().strip(), type.getSubtype().strip(),
                type.getParameters());
    }

    private static Problem malformedAccept(String value) {
        return ProblemException.of(Status.BAD_REQUEST, "invalid-header", "Invalid header",
                "the Accept header is not a list of media ranges (type/subtype;q=...)", "Accept", null).problem();
    }
}
