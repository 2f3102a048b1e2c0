package dev.nlen.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Hugging Face hub on 127.0.0.1, answering the way the hub does:
 * {@code /{repo}/resolve/{rev}/{path}} serves small git files directly (ETag = git blob SHA-1) and
 * redirects LFS files to a CDN path (X-Linked-Etag / X-Linked-Size = SHA-256 and size), which honours Range.
 * Faults can be injected per file to exercise the download script's error handling.
 */
final class FakeHub implements AutoCloseable {

    record Request(String method, String path, String range, String authorization) {}

    private record StoredFile(byte[] content, boolean lfs) {}

    private static final Pattern RESOLVE = Pattern.compile("^/([^/]+/[^/]+)/resolve/([^/]+)/(.+)$");
    private static final Pattern CDN = Pattern.compile("^/cdn/([0-9a-f]{64})$");

    private final String repo;
    private final String revision;
    private final Map<String, StoredFile> files = new ConcurrentHashMap<>();
    private final Map<String, byte[]> cdnBySha = new ConcurrentHashMap<>();
    private final Map<String, byte[]> servedInstead = new ConcurrentHashMap<>();
    private final Map<String, Long> advertisedSize = new ConcurrentHashMap<>();
    private final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failOnce = new ConcurrentHashMap<>();
    private final Set<String> withoutEtag = ConcurrentHashMap.newKeySet();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String requiredToken;
    private final HttpServer server;

    FakeHub(String repo, String revision) throws IOException {
        this.repo = repo;
        this.revision = revision;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void addGitFile(String path, byte[] content) {
        files.put(path, new StoredFile(content, false));
    }

    void addLfsFile(String path, byte[] content) {
        files.put(path, new StoredFile(content, true));
        cdnBySha.put(sha256(content), content);
    }

    /** Serves other bytes than the digest the hub states for this file. */
    void corrupt(String path, byte[] servedContent) {
        servedInstead.put(path, servedContent);
    }

    /** The first GET of this file sends the headers and half of the body, then drops the connection. */
    void dropConnectionOnce(String path) {
        dropOnce.add(path);
    }

    /** The first request (HEAD or GET) for this file answers with the given status. */
    void failOnce(String path, int status) {
        failOnce.put(path, status);
    }

    void advertiseSize(String path, long size) {
        advertisedSize.put(path, size);
    }

    void hideDigest(String path) {
        withoutEtag.add(path);
    }

    void requireToken(String token) {
        requiredToken = token;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    long getCount() {
        return requests.stream().filter(r -> r.method().equals("GET")).count();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String gitBlobSha1(byte[] content) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha1.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Range"),
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Matcher resolve = RESOLVE.matcher(path);
            Matcher cdn = CDN.matcher(path);
            if (resolve.matches()) {
                resolve(exchange, resolve.group(1), resolve.group(2), resolve.group(3));
            } else if (cdn.matches() && cdnBySha.containsKey(cdn.group(1))) {
                serveFromCdn(exchange, cdn.group(1));
            } else {
                sendEmpty(exchange, 404);
            }
        }
    }

    private void resolve(HttpExchange exchange, String askedRepo, String askedRevision, String path)
            throws IOException {
        String token = requiredToken;
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (token != null && !("Bearer " + token).equals(authorization)) {
            exchange.getResponseHeaders().set("X-Error-Code", "GatedRepo");
            sendEmpty(exchange, 401);
            return;
        }
        StoredFile file = files.get(path);
        if (!askedRepo.equals(repo) || !askedRevision.equals(revision) || file == null) {
            exchange.getResponseHeaders().set("X-Error-Code", "EntryNotFound");
            sendEmpty(exchange, 404);
            return;
        }
        Integer failure = failOnce.remove(path);
        if (failure != null) {
            sendEmpty(exchange, failure);
            return;
        }
        var headers = exchange.getResponseHeaders();
        if (file.lfs()) {
            String sha = sha256(file.content());
            if (!withoutEtag.contains(path)) {
                headers.set("X-Linked-Etag", "\"" + sha + "\"");
                headers.set("ETag", "\"" + sha + "\"");
            }
            headers.set("X-Linked-Size", Long.toString(advertisedSize.getOrDefault(path, (long) file.content().length)));
            String target = servedInstead.containsKey(path) ? register(servedInstead.get(path)) : sha;
            boolean drop = exchange.getRequestMethod().equals("GET") && dropOnce.remove(path);
            headers.set("Location", "/cdn/" + target + (drop ? "?drop=1" : ""));
            sendEmpty(exchange, 302);
        } else {
            byte[] body = servedInstead.getOrDefault(path, file.content());
            if (!withoutEtag.contains(path)) {
                headers.set("ETag", "W/\"" + gitBlobSha1(file.content()) + "\"");
            }
            sendBody(exchange, 200, body, 0, false);
        }
    }

    private String register(byte[] content) {
        String sha = sha256(content);
        cdnBySha.put(sha, content);
        return sha;
    }

    private void serveFromCdn(HttpExchange exchange, String sha) throws IOException {
        byte[] content = cdnBySha.get(sha);
        boolean drop = "drop=1".equals(exchange.getRequestURI().getQuery());
        String range = exchange.getRequestHeaders().getFirst("Range");
        int start = 0;
        if (range != null) {
            Matcher m = Pattern.compile("^bytes=(\\d+)-$").matcher(range);
            start = m.matches() ? Integer.parseInt(m.group(1)) : content.length;
            if (start >= content.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
                sendEmpty(exchange, 416);
                return;
            }
            exchange.getResponseHeaders().set("Content-Range",
                    "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        }
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        sendBody(exchange, range == null ? 200 : 206, content, start, drop);
    }

    /** Sends content[start..]; when {@code drop}, writes half of it and then drops the connection. */
    private static void sendBody(HttpExchange exchange, int status, byte[] content, int start, boolean drop)
            throws IOException {
        int length = content.length - start;
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, length);
        OutputStream body = exchange.getResponseBody();
        body.write(content, start, drop ? length / 2 : length);
        body.flush();
        if (drop) {
            // an exception out of the handler makes the server close the socket mid-body
            throw new DroppedConnection();
        }
        body.close();
    }

    private static final class DroppedConnection extends RuntimeException {
        DroppedConnection() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
