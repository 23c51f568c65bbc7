package com.mediassist.models.fleet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The fleet service's HTTP edge (JDK {@code com.sun.net.httpserver}): {@code POST /api/v1/batches}
 * (sync protocol v1) and {@code GET /repository/…} (the signed update repository, static files).
 * Domain exceptions become RFC 9457 problems here and nowhere else. Binds 127.0.0.1 unless told
 * otherwise. Owns neither the service nor the repository directory.
 */
public final class FleetHttpServer implements AutoCloseable {

    /** Base of the problem {@code type} URIs. */
    public static final String PROBLEM_BASE = "https://mediassist.invalid/problems/fleet/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService pool;
    private final FleetService service;
    private final Path repository;

    /**
     * Starts serving.
     *
     * @param bind       address to bind (127.0.0.1 by default in the CLI)
     * @param port       port, 0 for any free one
     * @param service    the ingest service
     * @param repository the TUF repository directory served under {@code /repository/}
     * @param threads    request threads (ingest blocks on fsync or Kafka acks)
     */
    public FleetHttpServer(String bind, int port, FleetService service, Path repository, int threads) throws IOException {
        this.service = service;
        this.repository = repository.toAbsolutePath().normalize();
        server = HttpServer.create(new InetSocketAddress(bind, port), 128);
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fleet-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/api/v1/batches", this::batches);
        server.createContext("/repository/", this::repository);
        server.createContext("/", ex -> problem(ex, 404, "not-found", "Not found", "no resource at " + ex.getRequestURI().getPath(), null));
        server.start();
    }

    /** The bound port. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void batches(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "POST");
                problem(ex, 405, "method-not-allowed", "Method not allowed", "use POST", null);
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            String len = ex.getRequestHeaders().getFirst("Content-Length");
            try {
                if (len != null && Long.parseLong(len.trim()) > FleetService.MAX_BODY_BYTES) {
                    drain(ex);
                    throw service.refuseTooLarge();
                }
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                    throw new FleetException.MalformedBatchException("Content-Type", "application/json expected, found " + type);
                }
                FleetService.Receipt r;
                try (InputStream in = ex.getRequestBody()) {
                    try {
                        r = service.ingest(in);
                    } finally {
                        drain(ex);
                    }
                }
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", r.status());
                body.put("contentAddress", r.contentAddress());
                send(ex, 200, "application/json", JSON.writeValueAsBytes(body));
            } catch (FleetException e) {
                int status = switch (e.reason()) {
                    case "malformed", "unknown-schema" -> 400;
                    case "bad-signature" -> 401;
                    case "unknown-clinic" -> 403;
                    case "too-large" -> 413;
                    default -> 503;
                };
                String field = e instanceof FleetException.MalformedBatchException m ? m.field()
                        : e instanceof FleetException.UnknownSchemaException u ? u.field() : null;
                problem(ex, status, e.reason(), title(e.reason()), e.getMessage(), field);
            } catch (NumberFormatException e) {
                problem(ex, 400, "malformed", title("malformed"), "Content-Length is not a number", "Content-Length");
            }
        }
    }

    /**
     * Reads what is left of the body (up to {@link #DRAIN_LIMIT}), so that a client still sending gets
     * the problem response instead of a reset connection.
     */
    private static void drain(HttpExchange ex) throws IOException {
        ex.getRequestBody().transferTo(new OutputStream() {
            long left = DRAIN_LIMIT;

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                left -= len;
                if (left < 0) {
                    throw new IOException("request body over " + DRAIN_LIMIT + " bytes");
                }
            }
        });
    }

    /** The most of an over-limit body read and discarded before answering 413. */
    static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private static String title(String reason) {
        return switch (reason) {
            case "malformed" -> "Malformed batch";
            case "unknown-schema" -> "Unknown schema version";
            case "bad-signature" -> "Signature does not verify";
            case "unknown-clinic" -> "Unknown clinic";
            case "too-large" -> "Batch too large";
            default -> "Batch not stored; retry later";
        };
    }

    private void repository(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.getResponseHeaders().add("Allow", "GET, HEAD");
                problem(ex, 405, "method-not-allowed", "Method not allowed", "the repository is read-only", null);
                return;
            }
            String rel = ex.getRequestURI().getPath().substring("/repository/".length());
            Path f = repository.resolve(rel).normalize();
            if (rel.isEmpty() || rel.contains("..") || !f.startsWith(repository) || !Files.isRegularFile(f)) {
                problem(ex, 404, "not-found", "Not found", "no repository file " + rel, null);
                return;
            }
            String type = rel.endsWith(".json") ? "application/json" : "application/octet-stream";
            ex.getResponseHeaders().add("Content-Type", type);
            ex.getResponseHeaders().add("Cache-Control", rel.startsWith("metadata/") && !rel.matches("metadata/\\d+\\..*")
                    ? "no-cache" : "max-age=31536000, immutable");
            if ("HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, Files.size(f));
            try (OutputStream os = ex.getResponseBody()) {
                Files.copy(f, os);
            }
        }
    }

    private static void problem(HttpExchange ex, int status, String reason, String title, String detail, String field)
            throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", PROBLEM_BASE + reason);
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        if (field != null) {
            p.put("field", field);
        }
        send(ex, status, "application/problem+json", JSON.writeValueAsBytes(p));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
