import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Load generator of the package benchmark (install-test.sh with BENCH=1): N concurrent doctors,
 * each in a loop registering a patient, searching for it and asking for a differential, over HTTPS
 * trusting only the box's certificate. Prints requests, errors and latency percentiles.
 * Usage: java LoadDoctors.java BASE_URL CERT_PEM TOKEN DOCTORS SECONDS
 */
public class LoadDoctors {
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
            trust.setCertificateEntry("box", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        String token = args[2];
        int doctors = Integer.parseInt(args[3]);
        long end = System.nanoTime() + Duration.ofSeconds(Long.parseLong(args[4])).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < doctors; d++) {
            int doctor = d;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
                int n = 0;
                while (System.nanoTime() < end) {
                    String number = "LOAD-" + doctor + "-" + n++;
                    send(http, post(base, "/api/v1/patients", token, "{\"patientNumber\":\"" + number
                            + "\",\"givenName\":\"Carga\",\"familyName\":\"Prueba\",\"birthDate\":\"1960-05-0"
                            + (1 + doctor % 9) + "\",\"sex\":\"male\"}"), 201, errors, latencies);
                    send(http, HttpRequest.newBuilder(base.resolve("/api/v1/patients?q=" + number))
                            .header("Authorization", "Bearer " + token).build(), 200, errors, latencies);
                    send(http, post(base, "/api/v1/diagnosis", token, "{\"age\": 54, \"sex\": \"M\", \"evidences\": "
                            + "[\"E_53\", \"E_54_@_V_161\", \"E_56_@_7\"], \"absent\": [\"E_91\"], \"language\": \"es\"}"),
                            200, errors, latencies);
                }
            });
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("doctors=%d requests=%d errors=%d p50_ms=%d p95_ms=%d p99_ms=%d%n", doctors, sorted.size(),
                errors.get(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99));
    }

    static HttpRequest post(URI base, String path, String token, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    static void send(HttpClient http, HttpRequest request, int expected, AtomicInteger errors, List<Long> latencies) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                if (errors.incrementAndGet() <= 3) {
                    System.err.println(request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
                }
            }
        } catch (Exception e) {
            errors.incrementAndGet();
        }
        latencies.add((System.nanoTime() - start) / 1_000_000);
    }

    static long pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
