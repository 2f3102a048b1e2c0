// A bounded HTTP load client for scripts/load-test.sh, soak.sh and failover-test.sh, run by Java's source launcher
// (java LoadClient.java ...): JDK only, so the scripts need no build step. Loopback targets only.
//
//   java scripts/load/LoadClient.java --url http://127.0.0.1:8080 --requests 60 --concurrency 8 --max-seconds 120
//        [--beams 1] [--max-new-tokens 64] [--articles DIR] [--pid PID]... [--sample-seconds S]
//        [--kill-pid PID --kill-after N]
//
// Each client posts the articles of --articles in turn as JSON; the run ends after --requests answers or
// --max-seconds, whichever comes first. Requests still in flight when the time bound hits are cut off and counted
// as "unfinished": neither answers nor failures, and not in the latencies. It prints status counts, latency
// percentiles, throughput, and for every --pid its RSS (VmRSS, peak VmHWM) and, when the JVM runs with
// -XX:NativeMemoryTracking, its NMT committed total, sampled every --sample-seconds with the least-squares slope per
// 1,000 requests (all samples, and the second half).
// The last line is "RESULT key=value ..." for the tests.

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public final class LoadClient {

    record Options(URI url, int requests, int concurrency, long maxSeconds, int beams, int maxNewTokens,
                   Path articles, List<Long> pids, double sampleSeconds, long killPid, int killAfter) {
    }

    record Sample(double seconds, long answered, Map<Long, long[]> memory) {
    }

    private static final Pattern NMT_TOTAL = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

    public static void main(String[] args) throws Exception {
        Options options = parse(args);
        URI target = options.url().resolve("/v1/translate");
        String host = target.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("loopback targets only, not " + host);
        }
        List<String> bodies = bodies(options);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();

        AtomicInteger issued = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        LongAdder answered = new LongAdder();
        LongAdder unfinished = new LongAdder();
        Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.maxSeconds());
        List<Sample> samples = new ArrayList<>();
        samples.add(sample(options, start, 0));

        Thread[] workers = new Thread[options.concurrency()];
        for (int w = 0; w < workers.length; w++) {
            workers[w] = Thread.ofVirtual().start(() -> {
                int n;
                while (System.nanoTime() < deadline && (n = issued.getAndIncrement()) < options.requests()) {
                    HttpRequest request = HttpRequest.newBuilder(target)
                            .timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(n % bodies.size()))).build();
                    long sent = System.nanoTime();
                    String outcome;
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        outcome = Integer.toString(response.statusCode());
                        if (response.statusCode() / 100 != 2 && firstFailures.size() < 5) {
                            firstFailures.add(outcome + " " + response.body().lines().findFirst().orElse(""));
                        }
                    } catch (HttpTimeoutException e) {
                        // the request's timeout is the run's time bound: cut off, not failed (a connect timeout is)
                        if (!(e instanceof HttpConnectTimeoutException)
                                && System.nanoTime() >= deadline - TimeUnit.MILLISECONDS.toNanos(100)) {
                            unfinished.increment();
                            return;
                        }
                        outcome = e.getClass().getSimpleName();
                        if (firstFailures.size() < 5) {
                            firstFailures.add(outcome + " " + e.getMessage());
                        }
                    } catch (IOException e) {
                        outcome = e.getClass().getSimpleName();
                        if (firstFailures.size() < 5) {
                            firstFailures.add(outcome + " " + e.getMessage());
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add(System.nanoTime() - sent);
                    outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                    answered.increment();
                    if (options.killPid() > 0 && answered.sum() >= options.killAfter() && !killed.getAndSet(true)) {
                        kill(options.killPid(), answered.sum());
                    }
                }
            });
        }
        long sampleNanos = (long) (options.sampleSeconds() * 1e9);
        for (Thread worker : workers) {
            while (!worker.join(Duration.ofMillis(200))) {
                if (sampleNanos > 0 && System.nanoTime() - start >= samples.size() * sampleNanos) {
                    samples.add(sample(options, start, answered.sum()));
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        samples.add(sample(options, start, answered.sum()));
        report(options, seconds, issued.get(), unfinished.sum(), outcomes, latencies, firstFailures, samples);
    }

    private static void kill(long pid, long answered) {
        ProcessHandle.of(pid).ifPresent(process -> {
            System.out.printf("killing pid %d (SIGKILL) after %d answers%n", pid, answered);
            process.destroyForcibly();
        });
    }

    private static void report(Options options, double seconds, int issued, long unfinished,
                               Map<String, LongAdder> outcomes,
                               ConcurrentLinkedQueue<Long> latencies, ConcurrentLinkedQueue<String> firstFailures,
                               List<Sample> samples) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long total = sorted.length;
        long ok = outcomes.entrySet().stream().filter(e -> e.getKey().startsWith("2"))
                .mapToLong(e -> e.getValue().sum()).sum();
        Map<String, Long> counts = new TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.sum()));
        System.out.printf(Locale.ROOT, "target %s, %d concurrent clients, beams %d, max-new-tokens %d, %s%n",
                options.url(), options.concurrency(), options.beams(), options.maxNewTokens(),
                total >= options.requests() ? "count bound reached"
                        : "time bound reached after " + Math.min(issued, options.requests()) + " sent");
        System.out.printf(Locale.ROOT, "answers: %d in %.1f s (%.2f requests/s); outcomes %s; unfinished %d"
                + " (in flight at the time bound, not counted)%n", total, seconds, total / seconds, counts, unfinished);
        firstFailures.forEach(f -> System.out.println("  failure: " + f));
        System.out.printf(Locale.ROOT, "latency ms: p50 %.0f  p95 %.0f  p99 %.0f  max %.0f%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT,
                "RESULT requests=%d ok=%d failed=%d unfinished=%d seconds=%.1f rps=%.2f p50_ms=%.0f p95_ms=%.0f"
                        + " p99_ms=%.0f", total, ok, total - ok, unfinished, seconds, total / seconds,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)));
        for (long pid : options.pids()) {
            result.append(memoryReport(pid, samples));
        }
        System.out.println(result);
    }

    /** Prints the memory figures of one process and returns its part of the RESULT line. */
    private static String memoryReport(long pid, List<Sample> samples) {
        List<Sample> alive = samples.stream().filter(s -> s.memory().containsKey(pid)).toList();
        if (alive.isEmpty()) {
            return " rss_mb_" + pid + "=gone";
        }
        long[] first = alive.getFirst().memory().get(pid);
        long[] last = alive.getLast().memory().get(pid);
        double rssSlope = slope(alive, pid, 0, 0);
        double rssSlopeLate = slope(alive, pid, 0, alive.size() / 2);
        System.out.printf(Locale.ROOT, "pid %d RSS MB: start %.0f  end %.0f  peak (VmHWM) %.0f%n",
                pid, mb(first[0]), mb(last[0]), mb(last[1]));
        if (alive.size() < 4) {
            // two or three points make no trend (load-test samples only the start and the end)
            return String.format(Locale.ROOT, " rss_start_mb=%.0f rss_end_mb=%.0f rss_peak_mb=%.0f",
                    mb(first[0]), mb(last[0]), mb(last[1]));
        }
        System.out.printf(Locale.ROOT, "pid %d RSS slope %.2f MB per 1,000 requests (second half %.2f), %d samples%n",
                pid, rssSlope, rssSlopeLate, alive.size());
        String nmt = "";
        if (last[2] >= 0) {
            double nmtSlope = slope(alive, pid, 2, 0);
            double nmtSlopeLate = slope(alive, pid, 2, alive.size() / 2);
            System.out.printf(Locale.ROOT, "pid %d NMT committed MB: start %.0f  end %.0f;"
                    + " slope %.2f MB per 1,000 requests (second half %.2f)%n",
                    pid, mb(first[2]), mb(last[2]), nmtSlope, nmtSlopeLate);
            nmt = String.format(Locale.ROOT, " nmt_end_mb=%.0f nmt_slope_mb_per_1k=%.2f", mb(last[2]), nmtSlope);
        }
        for (Sample s : alive) {
            long[] m = s.memory().get(pid);
            System.out.printf(Locale.ROOT, "  sample t=%.1fs answered=%d rss_mb=%.0f nmt_committed_mb=%s%n",
                    s.seconds(), s.answered(), mb(m[0]), m[2] < 0 ? "-" : String.format(Locale.ROOT, "%.0f", mb(m[2])));
        }
        return String.format(Locale.ROOT, " rss_start_mb=%.0f rss_end_mb=%.0f rss_peak_mb=%.0f rss_slope_mb_per_1k=%.2f",
                mb(first[0]), mb(last[0]), mb(last[1]), rssSlope) + nmt;
    }

    /** Least-squares slope of memory (field of the sample) against answers, in MB per 1,000 requests. */
    private static double slope(List<Sample> samples, long pid, int field, int from) {
        List<Sample> part = samples.subList(from, samples.size());
        int n = part.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanX = part.stream().mapToDouble(Sample::answered).average().orElse(0);
        double meanY = part.stream().mapToDouble(s -> s.memory().get(pid)[field]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (Sample s : part) {
            double dx = s.answered() - meanX;
            sxy += dx * (s.memory().get(pid)[field] - meanY);
            sxx += dx * dx;
        }
        return sxx == 0 ? Double.NaN : mb((long) (sxy / sxx * 1000));
    }

    private static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
        return sortedNanos[Math.clamp(index, 0, sortedNanos.length - 1)] / 1e6;
    }

    private static double mb(long kb) {
        return kb / 1024.0;
    }

    /** RSS, peak RSS and NMT committed (KB; -1 where unknown) of every --pid still alive. */
    private static Sample sample(Options options, long start, long answered) {
        Map<Long, long[]> memory = new TreeMap<>();
        for (long pid : options.pids()) {
            try {
                String status = Files.readString(Path.of("/proc/" + pid + "/status"));
                memory.put(pid, new long[] {statusKb(status, "VmRSS"), statusKb(status, "VmHWM"), nmtCommitted(pid)});
            } catch (IOException gone) {
                // the process ended (or was killed by the failover run): no sample
            }
        }
        return new Sample((System.nanoTime() - start) / 1e9, answered, memory);
    }

    private static long statusKb(String status, String field) {
        Matcher m = Pattern.compile("(?m)^" + field + ":\\s+(\\d+) kB").matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private static long nmtCommitted(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return -1;
        }
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.native_memory", "summary")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            Matcher m = NMT_TOTAL.matcher(out);
            return m.find() ? Long.parseLong(m.group(2)) : -1;
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    /** The JSON request bodies: every article of the folder with the decoding options. */
    private static List<String> bodies(Options options) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(options.articles())) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .txt articles in " + options.articles());
        }
        List<String> bodies = new ArrayList<>();
        for (Path file : files) {
            bodies.add("{\"text\":" + jsonString(Files.readString(file, StandardCharsets.UTF_8))
                    + ",\"options\":{\"beams\":" + options.beams() + ",\"maxNewTokens\":" + options.maxNewTokens() + "}}");
        }
        return bodies;
    }

    private static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    private static Options parse(String[] args) {
        Map<String, List<String>> values = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + Arrays.toString(args));
            }
            values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        var known = List.of("url", "requests", "concurrency", "max-seconds", "beams", "max-new-tokens", "articles",
                "pid", "sample-seconds", "kill-pid", "kill-after");
        values.keySet().stream().filter(k -> !known.contains(k)).findFirst().ifPresent(k -> {
            throw new IllegalArgumentException("unknown option --" + k + "; known: " + known);
        });
        java.util.function.BiFunction<String, String, String> get =
                (k, d) -> values.getOrDefault(k, List.of(d)).getLast();
        return new Options(URI.create(get.apply("url", "http://127.0.0.1:8080")),
                Integer.parseInt(get.apply("requests", "60")), Integer.parseInt(get.apply("concurrency", "8")),
                Long.parseLong(get.apply("max-seconds", "300")), Integer.parseInt(get.apply("beams", "1")),
                Integer.parseInt(get.apply("max-new-tokens", "64")),
                Path.of(get.apply("articles", "scripts/load/articles")),
                values.getOrDefault("pid", List.of()).stream().map(Long::parseLong).toList(),
                Double.parseDouble(get.apply("sample-seconds", "0")),
                Long.parseLong(get.apply("kill-pid", "0")), Integer.parseInt(get.apply("kill-after", "0")));
    }
}
