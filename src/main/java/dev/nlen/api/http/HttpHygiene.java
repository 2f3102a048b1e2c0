package dev.nlen.api.http;

import dev.nlen.config.TranslatorConfig;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import java.util.Map;
import java.util.Set;

/**
 * What every answer gets, whoever produces it: security headers (a Content-Security-Policy per path prefix), a
 * problem body for failures raised below JAX-RS (the body cap's 413, a path that does not decode), and 405 for
 * management endpoints asked with a method they do not serve.
 */
@ApplicationScoped
public class HttpHygiene {

    static final String PROBLEM = "application/problem+json";
    private static final Set<HttpMethod> READ_ONLY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    TranslatorConfig config;

    /** The HTTP layer's body cap: over it, Quarkus' body handler closes with a bare 413, so we answer first. */
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::securityHeaders).failureHandler(HttpHygiene::failure);
        router.route().order(Integer.MIN_VALUE + 1).handler(this::declaredLength);
        router.route("/q/*").order(Integer.MIN_VALUE + 2).handler(HttpHygiene::managementMethods);
    }

    private void securityHeaders(RoutingContext context) {
        String policy = policyFor(context.normalizedPath());
        context.addHeadersEndHandler(ignored -> {
            var headers = context.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (!headers.contains("Content-Security-Policy")) {
                headers.set("Content-Security-Policy", policy);
            }
        });
        context.next();
    }

    /** The policy of the longest configured path prefix, else the default. */
    String policyFor(String path) {
        TranslatorConfig.Security.Headers headers = config.security().headers();
        String best = null;
        for (Map.Entry<String, String> page : headers.pagePolicies().entrySet()) {
            if (path != null && path.startsWith(page.getKey()) && (best == null || page.getKey().length() > best.length())) {
                best = page.getKey();
            }
        }
        return best == null ? headers.contentSecurityPolicy() : headers.pagePolicies().get(best);
    }

    private void declaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                problem(context, 400, "Content-Length is not a byte count");
                return;
            }
            if (declared > maxBodySize.asLongValue()) {
                context.response().putHeader(HttpHeaders.CONNECTION, "close");
                problem(context, 413, "the body has " + declared + " bytes; the server takes at most "
                        + maxBodySize.asLongValue());
                return;
            }
        }
        context.next();
    }

    private static void managementMethods(RoutingContext context) {
        if (READ_ONLY.contains(context.request().method())) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS");
        problem(context, 405, "management endpoints answer GET and HEAD only");
    }

    /** Failures outside JAX-RS keep their status and leave as a problem body without the exception's message. */
    private static void failure(RoutingContext context) {
        if (context.response().ended() || context.response().headWritten()) {
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        problem(context, status, switch (status) {
            case 413 -> "the body is over the server's size cap";
            case 400 -> "the request could not be read (path, headers or body)";
            case 500 -> "the request failed unexpectedly; the server log has the details";
            default -> HttpResponseStatus.valueOf(status).reasonPhrase();
        });
    }

    static void problem(RoutingContext context, int status, String detail) {
        JsonObject problem = new JsonObject().put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase()).put("status", status)
                .put("detail", detail);
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM)
                .end(problem.encode());
    }
}
