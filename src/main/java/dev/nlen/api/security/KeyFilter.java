package dev.nlen.api.security;

import dev.nlen.api.Problem;
import dev.nlen.api.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/** On {@link KeyRequired} endpoints ({@code /v1}): the {@link ClientGate} with a Bearer key, refusals as problems. */
@Provider
@KeyRequired
@Priority(Priorities.AUTHENTICATION)
public class KeyFilter implements ContainerRequestFilter {

    @Inject
    ClientGate gate;

    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        gate.enter(bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION)), http == null ? null : http.remoteAddress())
                .ifPresent(refusal -> request.abortWith(problem(refusal)));
    }

    /** The key of {@code Authorization: Bearer <key>}, or null. */
    public static String bearer(String authorization) {
        return prefixed(authorization, "Bearer ");
    }

    /** The credential after {@code scheme} (matched case-insensitively) in an Authorization header, or null. */
    public static String prefixed(String authorization, String scheme) {
        if (authorization == null || !authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return null;
        }
        String key = authorization.substring(scheme.length()).strip();
        return key.isEmpty() ? null : key;
    }

    /** A refusal as the problem document of {@code /v1}. */
    public static Response problem(ClientGate.Refusal refusal) {
        return exception(refusal).response();
    }

    /** A refusal as a throwable problem of {@code /v1}. */
    public static ProblemException exception(ClientGate.Refusal refusal) {
        ProblemException problem = switch (refusal.reason()) {
            case NO_KEY -> ProblemException.of(Response.Status.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    refusal.message() + ": Authorization: Bearer <key>", "Authorization", null)
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case WRONG_KEY -> ProblemException.of(Response.Status.FORBIDDEN, "forbidden", "Forbidden",
                    refusal.message(), "Authorization", null);
            case RATE_LIMITED -> ProblemException.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited",
                    "Too many requests", refusal.message(), refusal.field(), null);
        };
        return refusal.retryAfterSeconds() > 0
                ? problem.withHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfterSeconds())) : problem;
    }
}
