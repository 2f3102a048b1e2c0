package dev.nlen.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request that cannot be served, carrying the problem document the client gets. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Response headers that go with the problem ({@code Retry-After}, {@code Allow}, {@code WWW-Authenticate}). */
    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    /** The answer: the problem document with its headers. */
    public Response response() {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        headers.forEach(response::header);
        return response.build();
    }

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException of(Status status, String slug, String title, String detail, String field,
                                      Object limit) {
        return new ProblemException(new Problem("/problems/" + slug, title, status.getStatusCode(), detail, field,
                limit));
    }

    public static ProblemException invalid(String field, String detail) {
        return of(Status.BAD_REQUEST, "invalid-request", "Invalid request", detail, field, null);
    }

    public static ProblemException outOfRange(String field, String detail, Object limit) {
        return of(Status.BAD_REQUEST, "out-of-range", "Option out of range", detail, field, limit);
    }

    public static ProblemException tooLarge(String field, String detail, Object limit) {
        return of(Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "Request too large", detail, field, limit);
    }
}
