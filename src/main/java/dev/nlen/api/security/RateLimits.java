package dev.nlen.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.nlen.config.TranslatorConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;

/**
 * Requests and characters per minute for each client (its API key, else its address), as Bucket4j token buckets
 * refilled greedily; the buckets of clients not seen for two minutes are dropped (they would be full again).
 */
@ApplicationScoped
public class RateLimits {

    /** Over a limit: which one, and when trying again can succeed. */
    public record Refusal(String limit, long perMinute, Duration retryAfter) {}

    private record Buckets(Bucket requests, Bucket characters) {}

    private final long requestsPerMinute;
    private final long charactersPerMinute;
    private final Cache<String, Buckets> clients;

    @Inject
    public RateLimits(TranslatorConfig config) {
        TranslatorConfig.Security.RateLimit limits = config.security().rateLimit();
        requestsPerMinute = limits.requestsPerMinute();
        charactersPerMinute = limits.charactersPerMinute();
        clients = Caffeine.newBuilder().maximumSize(limits.maxClients()).expireAfterAccess(Duration.ofMinutes(2))
                .build();
    }

    /** Counts one request of {@code client}; empty when it may go on. */
    public Optional<Refusal> request(String client) {
        return requestsPerMinute <= 0 ? Optional.empty()
                : take(buckets(client).requests(), 1, "requests-per-minute", requestsPerMinute);
    }

    /** Counts {@code characters} of {@code client}'s text; empty when it may go on. */
    public Optional<Refusal> charge(String client, long characters) {
        return charactersPerMinute <= 0 ? Optional.empty()
                : take(buckets(client).characters(), characters, "characters-per-minute", charactersPerMinute);
    }

    private Buckets buckets(String client) {
        return clients.get(client, ignored -> new Buckets(bucket(requestsPerMinute), bucket(charactersPerMinute)));
    }

    private static Bucket bucket(long perMinute) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(Math.max(1, perMinute))
                .refillGreedy(Math.max(1, perMinute), Duration.ofMinutes(1)).build()).build();
    }

    private static Optional<Refusal> take(Bucket bucket, long tokens, String limit, long perMinute) {
        if (tokens > perMinute) {
            return Optional.of(new Refusal(limit, perMinute, Duration.ofMinutes(1)));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(tokens);
        return probe.isConsumed() ? Optional.empty()
                : Optional.of(new Refusal(limit, perMinute, Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }
}
