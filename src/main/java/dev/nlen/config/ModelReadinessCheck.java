package dev.nlen.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the model is loaded and the warm-up translation succeeded. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    @Inject
    TranslatorRuntime runtime;

    @Override
    public HealthCheckResponse call() {
        TranslatorRuntime.Status status = runtime.status();
        var response = HealthCheckResponse.named("model").status(status.ready()).withData("state", status.state());
        if (status.error() != null) {
            response.withData("error", status.error());
        }
        return response.build();
    }
}
