package dev.nlen.api.security;

import dev.nlen.config.TranslatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The configured API keys ({@code translator.security.api-keys} and the key file, one key a line, {@code #} comments).
 * None configured: the service is open. Keys are compared by their SHA-256 digests in constant time, so neither a
 * key's length nor its first differing character shows in the timing.
 */
@ApplicationScoped
public class ApiKeys {

    private final List<byte[]> digests = new ArrayList<>();

    @Inject
    public ApiKeys(TranslatorConfig config) {
        TranslatorConfig.Security security = config.security();
        List<String> keys = new ArrayList<>(security.apiKeys().orElse(List.of()));
        security.apiKeyFile().ifPresent(file -> {
            try {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(keys::add);
            } catch (IOException e) {
                throw new UncheckedIOException("the API key file cannot be read", e);
            }
        });
        keys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::digest).forEach(digests::add);
    }

    /** Keys are configured, so requests must carry one. */
    public boolean enabled() {
        return !digests.isEmpty();
    }

    public boolean accepts(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        byte[] candidate = digest(key);
        boolean match = false;
        for (byte[] known : digests) {
            match |= MessageDigest.isEqual(known, candidate);   // no early exit: every key is compared
        }
        return match;
    }

    /** Who is counted in rate limits: the key's digest when keys are on, else the address (as proxy settings see it). */
    public String client(String key, io.vertx.core.net.SocketAddress remote) {
        if (enabled() && key != null) {
            return clientOf(key);
        }
        return "ip:" + (remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress());
    }

    /** A stable name for a key's client in rate limits and logs that does not reveal the key. */
    public static String clientOf(String key) {
        return "key:" + HexFormat.of().formatHex(digest(key), 0, 8);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
