package dev.nlen.api;

import jakarta.ws.rs.core.Response.Status;

/** A request that cannot be served, carrying the problem document the client gets. */
public final class ProblemException extends RuntimeException {

    private final Problem problem;

    private ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
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
