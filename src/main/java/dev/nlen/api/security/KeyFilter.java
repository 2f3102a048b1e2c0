package dev.nlen.api.security;

import dev.nlen.api.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import io.vertx.core.http.HttpServerRequest;

/** On {@link KeyRequired} endpoints: the API key when keys are configured (401/403), then the request rate (429). */
@Provider
@KeyRequired
@Priority(Priorities.AUTHENTICATION)
public class KeyFilter implements ContainerRequestFilter {

    @Inject
    ApiKeys keys;

    @Inject
    RateLimits limits;

    @Context
    HttpServerRequest http;

    @Override
    public void filter(ContainerRequestContext request) {
        String key = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (keys.enabled()) {
            if (key == null) {
                request.abortWith(Response.fromResponse(problem(401, "/problems/unauthorized", "Unauthorized",
                        "this endpoint needs an API key: Authorization: Bearer <key>", null))
                        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
                return;
            }
            if (!keys.accepts(key)) {
                request.abortWith(problem(403, "/problems/forbidden", "Forbidden", "the API key is not accepted", null));
                return;
            }
        }
        limits.request(keys.client(key, http == null ? null : http.remoteAddress())).ifPresent(refusal -> request.abortWith(tooMany(refusal)));
    }

    /** The key of {@code Authorization: Bearer <key>}, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String key = authorization.substring(7).strip();
        return key.isEmpty() ? null : key;
    }

    public static Response tooMany(RateLimits.Refusal refusal) {
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        return Response.fromResponse(problem(429, "/problems/rate-limited", "Too many requests",
                        "over this client's limit of " + refusal.perMinute() + " " + refusal.limit().replace('-', ' ')
                                + "; retry after " + seconds + " s", refusal.limit()))
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)).build();
    }

    private static Response problem(int status, String type, String title, String detail, String field) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, field, null)).build();
    }

}
