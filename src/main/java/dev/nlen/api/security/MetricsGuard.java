package dev.nlen.api.security;

import dev.nlen.config.TranslatorConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** {@code /q/metrics} behind the API keys when {@code translator.security.protect-metrics} is set. */
@ApplicationScoped
public class MetricsGuard {

    @Inject
    TranslatorConfig config;

    @Inject
    ApiKeys keys;

    void install(@Observes Router router) {
        if (config.security().protectMetrics() && keys.enabled()) {
            router.route("/q/metrics*").order(Integer.MIN_VALUE + 2).handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String key = KeyFilter.bearer(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (keys.accepts(key)) {
            context.next();
            return;
        }
        int status = key == null ? 401 : 403;
        if (status == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
        }
        context.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(new JsonObject().put("type", status == 401 ? "/problems/unauthorized" : "/problems/forbidden")
                        .put("title", status == 401 ? "Unauthorized" : "Forbidden").put("status", status)
                        .put("detail", status == 401 ? "the metrics need an API key: Authorization: Bearer <key>"
                                : "the API key is not accepted").encode());
    }
}
