package dev.nlen.api.security;

import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The one door of every translation API ({@code /v1}, DeepL, LibreTranslate): the API key when keys are configured,
 * then the client's requests and characters per minute. Each API answers a {@link Refusal} in its own error shape.
 */
@ApplicationScoped
public class ClientGate {

    /** Why a request was turned away; {@code field} names the limit or credential, {@code retryAfterSeconds} 0 if none. */
    public record Refusal(Reason reason, String field, String message, long retryAfterSeconds) {}

    public enum Reason { NO_KEY, WRONG_KEY, RATE_LIMITED }

    @Inject
    ApiKeys keys;

    @Inject
    RateLimits limits;

    public boolean keysRequired() {
        return keys.enabled();
    }

    /** Key check and one request counted; {@code key} is null when the request carries none. */
    public Optional<Refusal> enter(String key, SocketAddress address) {
        if (keys.enabled()) {
            if (key == null || key.isEmpty()) {
                return Optional.of(new Refusal(Reason.NO_KEY, "api-key", "this endpoint needs an API key", 0));
            }
            if (!keys.accepts(key)) {
                return Optional.of(new Refusal(Reason.WRONG_KEY, "api-key", "the API key is not accepted", 0));
            }
        }
        return limits.request(keys.client(key, address)).map(ClientGate::tooMany);
    }

    /** Who {@code key} (null for none) or, when keys are off, {@code address} is in the limits and the queue share. */
    public String client(String key, SocketAddress address) {
        return keys.client(key, address);
    }

    /** Counts {@code characters} of the text to translate (checked before the model's readiness, so always charged). */
    public Optional<Refusal> charge(String key, SocketAddress address, long characters) {
        return limits.charge(keys.client(key, address), characters).map(ClientGate::tooMany);
    }

    /** {@link #enter} then {@link #charge} for all of {@code texts}: the whole door for a request whose text is known. */
    public Optional<Refusal> admit(String key, SocketAddress address, java.util.List<String> texts) {
        return enter(key, address).or(() -> charge(key, address,
                texts.stream().mapToLong(t -> t.codePointCount(0, t.length())).sum()));
    }

    private static Refusal tooMany(RateLimits.Refusal refusal) {
        long seconds = Math.max(1, (refusal.retryAfter().toMillis() + 999) / 1000);
        return new Refusal(Reason.RATE_LIMITED, refusal.limit(), "over this client's limit of "
                + refusal.perMinute() + " " + refusal.limit().replace('-', ' ') + "; retry after " + seconds + " s",
                seconds);
    }
}
