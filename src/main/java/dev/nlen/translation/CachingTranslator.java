package dev.nlen.translation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.nlen.generation.GenerationOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers translated sentences (Caffeine, bounded by count): a sentence seen before with the same model revision,
 * precision and decoding options is answered without the model, so a re-posted or re-edited article only decodes
 * what changed. Only the misses go to the translator behind, in one call; giving up on the result gives up on them.
 */
public final class CachingTranslator implements SentenceTranslator {

    /** Everything that decides the translation of one sentence. */
    private record Key(String model, String revision, String precision, GenerationOptions options, String sentence) {}

    private final SentenceTranslator delegate;
    private final Cache<Key, SentenceTranslation> cache;

    public CachingTranslator(SentenceTranslator delegate, long maxSentences) {
        this.delegate = delegate;
        this.cache = Caffeine.newBuilder().maximumSize(maxSentences).recordStats().build();
    }

    @Override
    public List<SentenceTranslation> translate(List<String> sentences, GenerationOptions options) {
        Lookup lookup = lookup(sentences, options);
        return lookup.complete(lookup.misses.isEmpty() ? List.of() : delegate.translate(lookup.misses, options));
    }

    @Override
    public CompletableFuture<List<SentenceTranslation>> translateAsync(List<String> sentences,
                                                                      GenerationOptions options) {
        Lookup lookup = lookup(sentences, options);
        if (lookup.misses.isEmpty()) {
            return CompletableFuture.completedFuture(lookup.complete(List.of()));
        }
        CompletableFuture<List<SentenceTranslation>> work = delegate.translateAsync(lookup.misses, options);
        CompletableFuture<List<SentenceTranslation>> result = work.thenApply(lookup::complete);
        result.whenComplete((done, failure) -> {
            if (failure != null) {
                work.cancel(true);
            }
        });
        return result;
    }

    /** Hits, misses and evictions so far, and how many sentences are held. */
    public Stats stats() {
        cache.cleanUp(); // evictions run on the common pool, which may lag behind on a busy machine: settle them first
        CacheStats s = cache.stats();
        return new Stats(s.hitCount(), s.missCount(), s.evictionCount(), cache.estimatedSize());
    }

    public record Stats(long hits, long misses, long evictions, long size) {}

    private Lookup lookup(List<String> sentences, GenerationOptions options) {
        AlignedDocument.ModelInfo info = delegate.info();
        List<Key> keys = sentences.stream()
                .map(s -> new Key(info.id(), info.revision(), info.precision(), options, s)).toList();
        List<SentenceTranslation> found = new ArrayList<>(keys.size());
        LinkedHashSet<String> misses = new LinkedHashSet<>();
        for (Key key : keys) {
            SentenceTranslation hit = cache.getIfPresent(key);
            found.add(hit);
            if (hit == null) {
                misses.add(key.sentence());
            }
        }
        return new Lookup(keys, found, List.copyOf(misses));
    }

    /** One call's keys, what the cache had, and the distinct sentences it lacked. */
    private final class Lookup {
        final List<Key> keys;
        final List<SentenceTranslation> found;
        final List<String> misses;

        Lookup(List<Key> keys, List<SentenceTranslation> found, List<String> misses) {
            this.keys = keys;
            this.found = found;
            this.misses = misses;
        }

        List<SentenceTranslation> complete(List<SentenceTranslation> translated) {
            java.util.Map<String, SentenceTranslation> bySentence = new java.util.HashMap<>();
            for (int i = 0; i < misses.size(); i++) {
                bySentence.put(misses.get(i), translated.get(i));
            }
            List<SentenceTranslation> out = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                SentenceTranslation t = found.get(i);
                if (t == null) {
                    t = bySentence.get(keys.get(i).sentence());
                    cache.put(keys.get(i), t);
                }
                out.add(t);
            }
            return out;
        }
    }

    @Override
    public int countTokens(String sentence) {
        return delegate.countTokens(sentence);
    }

    @Override
    public int maxSourceTokens() {
        return delegate.maxSourceTokens();
    }

    @Override
    public AlignedDocument.ModelInfo info() {
        return delegate.info();
    }
}
