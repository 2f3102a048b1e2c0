package dev.nlen.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Every setting of the service, prefix {@code translator}; each is documented in application.properties. */
@ConfigMapping(prefix = "translator")
public interface TranslatorConfig {

    Model model();

    Runtime runtime();

    Limits limits();

    Generation generation();

    Scheduling scheduling();

    Compat compat();

    SentenceCache cache();

    Security security();

    /** API keys, rate limits and response headers (issue 7). */
    interface Security {
        /** Accepted API keys; none (and no key file) = the translation endpoints are open. */
        Optional<java.util.List<String>> apiKeys();

        /** A file of API keys, one a line ({@code #} comments). */
        Optional<Path> apiKeyFile();

        /** /q/metrics needs a key too (when keys are configured). */
        @WithDefault("false")
        boolean protectMetrics();

        RateLimit rateLimit();

        Headers headers();

        interface RateLimit {
            /** Requests per minute and client (API key, else address); 0 = unlimited. */
            @WithDefault("0")
            long requestsPerMinute();

            /** Characters of text per minute and client; 0 = unlimited. */
            @WithDefault("0")
            long charactersPerMinute();

            /** Most clients tracked at once. */
            @WithDefault("100000")
            long maxClients();
        }

        interface Headers {
            /** The Content-Security-Policy of every answer without a page policy. */
            @WithDefault("default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
            String contentSecurityPolicy();

            /** Path prefix → Content-Security-Policy for pages that need more (the longest prefix wins). */
            java.util.Map<String, String> pagePolicies();
        }
    }

    /** The sentence cache (prefix translator.cache). */
    interface SentenceCache {
        /** Most translated sentences kept; 0 turns the cache off. */
        @WithDefault("100000")
        long maxSentences();
    }

    interface Model {
        /** The export folder (env TRANSLATOR_MODEL_DIR). */
        @WithDefault("models/opus-mt-nl-en")
        Path dir();

        /** auto | fp32 | int8. */
        @WithDefault("auto")
        String precision();

        /** auto | merged | split. */
        @WithDefault("auto")
        String layout();

        /** auto | spm | json. */
        @WithDefault("auto")
        String tokenizer();

        /** Where ONNX Runtime's optimised graphs are kept between starts. */
        Optional<Path> optimizedCacheDir();
    }

    interface Runtime {
        /** cpu | cuda | auto. */
        @WithDefault("cpu")
        String device();

        /** Intra-op threads per session; 0 lets ONNX Runtime decide. */
        @WithDefault("0")
        int threads();

        /**
         * Idle ONNX Runtime pool threads busy-wait for work (session.intra_op.allow_spinning). Default from
         * model/RuntimeOptions.DEFAULT_SPINNING (measured, see README "CPU settings").
         */
        Optional<Boolean> spinning();

        /** Most sentences decoded together. */
        @WithDefault("32")
        int maxBatchSentences();

        /** Translation workers: batches decoded at the same time. */
        @WithDefault("1")
        int workers();

        /** How long a worker waits for more sentences to fill a batch, in milliseconds. */
        @WithDefault("5")
        int batchWaitMillis();

        /**
         * ONNX Runtime's CPU memory arena for every session. Off by default: the arena keeps the peak of the largest
         * batch for the process's lifetime (measured in the README's "Memory").
         */
        @WithDefault("false")
        boolean cpuArena();

        /** ONNX Runtime's memory-pattern planning (session option enable_mem_pattern). */
        @WithDefault("true")
        boolean memoryPattern();

        /** Load the model on a background thread, so liveness answers while it loads. */
        @WithDefault("true")
        boolean backgroundLoad();

        /** A sentence translated once at start-up before readiness turns UP. */
        @WithDefault("Dit is een test.")
        String warmupSentence();
    }

    interface Limits {
        @WithDefault("1048576")
        int maxBodyBytes();

        @WithDefault("100000")
        int maxCharacters();

        @WithDefault("1000")
        int maxParagraphs();

        /** Sentences longer than this many tokens are cut at clauses, then white space (capped by the model). */
        @WithDefault("510")
        int maxSentenceTokens();
    }

    interface Generation {
        /** Overrides generation_config.json's num_beams. */
        OptionalInt beams();

        /** Overrides max_length with max_new_tokens. */
        OptionalInt maxNewTokens();

        /**
         * Length guard: at most ceil(factor × source tokens) + offset new tokens per sentence (like Marian's
         * max-length-factor); 0 turns it off. Unset = 3 (generation/LengthGuard#DEFAULT). The service's bound only:
         * the engine on its own (and the command line, unless --max-length-factor) decodes as generate does.
         */
        java.util.OptionalDouble maxLengthFactor();

        /** Length guard: new tokens allowed on top of factor × source tokens. Unset = 10. */
        OptionalInt maxLengthOffset();
    }

    /** Bounded work: batch and queue budgets in work units (beams × (source + generated tokens)), deadlines. */
    interface Scheduling {
        /** Most work decoded together in one batch: bounds the decoder's memory (KV cache, logits). */
        @WithDefault("98304")
        int maxBatchWork();

        /** Most work queued and running at once; a request over it is refused with 503 and Retry-After. */
        @WithDefault("20000000")
        long maxQueuedWork();

        /**
         * Share of max-queued-work one client (API key, else address) may hold at once; a request over it is refused
         * with 429 and Retry-After while the client's earlier requests run. A client holding nothing is always taken.
         */
        @WithDefault("0.5")
        double maxClientShare();

        /** A request not answered within this time is stopped and answered 504. */
        @WithDefault("5m")
        java.time.Duration requestTimeout();

        /**
         * At shutdown, how long requests already queued or decoding may take to finish; what is left then is stopped
         * at its next decoding step and answered 503 (shutting down) with Retry-After.
         */
        @WithDefault("10s")
        java.time.Duration shutdownGrace();

        /** Retry-After of a 503 when the queue is full. */
        @WithDefault("5s")
        java.time.Duration retryAfter();
    }

    /** The DeepL- and LibreTranslate-compatible APIs and language detection (api/deepl, api/libre, detect/). */
    interface Compat {
        /** DeepL answers 413 over this body size. */
        @WithDefault("131072")
        int deeplMaxBodyBytes();

        /** Most {@code text} values in one DeepL request. */
        @WithDefault("50")
        int deeplMaxTexts();

        /** {@code character_limit} of {@code /v2/usage}; translation stops with 456 once reached. */
        @WithDefault("1000000000000")
        long deeplCharacterLimit();

        Detection detection();

        interface Detection {
            /** Detect languages at all (off: every text is taken as Dutch). */
            @WithDefault("true")
            boolean enabled();

            /** ISO 639-1 codes of the languages told apart; fewer means less memory and faster start. */
            @WithDefault("nl,en,de,fr,es,it,pt,pl,tr,ar")
            List<String> languages();

            /** Paragraphs with fewer letters are always taken as Dutch (too short to tell). */
            @WithDefault("20")
            int minLetters();

            /**
             * How far Dutch must trail another language for a paragraph to be left untranslated (Lingua's relative
             * confidences: the most likely language has 1).
             */
            @WithDefault("0.15")
            double minMargin();

            /** Load the models in the background; until then every text is taken as Dutch. */
            @WithDefault("true")
            boolean backgroundLoad();
        }
    }
}
