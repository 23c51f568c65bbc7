package com.mediassist.appliance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 12: a body sent without a length ({@code Transfer-Encoding: chunked}) that grows
 * past {@code quarkus.http.limits.max-body-size} gets a complete 413 problem document with the
 * security headers, and nothing it carried is stored; one just under the limit is served.
 */
@QuarkusTest
@TestSecurity(user = "doc", roles = "doctor")
class ChunkedBodyLimitTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    @Test
    void anOversizedChunkedBodyGetsACompleteProblemAndStoresNothing() throws Exception {
        String number = "CH-" + UUID.randomUUID();
        // A valid patient whose padding (JSON whitespace, which the parser reads) takes it 2 MB past the limit.
        RawResponse response = RawHttp.postChunked("/api/v1/patients",
                "{\"patientNumber\":\"" + number + "\",\"givenName\":\"Ana\",\"familyName\":\"Ruiz\"",
                limit.asLongValue() + 2L * 1024 * 1024, "}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("content-type")).startsWith("application/problem+json");
        assertThat(response.header("content-security-policy")).isEqualTo(HttpSecurityFilters.CONTENT_SECURITY_POLICY);
        assertThat(response.header("x-frame-options")).isEqualTo("DENY");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("title").asText()).isEqualTo("Request body too large");
        assertThat(problem.path("detail").asText()).contains(String.valueOf(limit.asLongValue())).contains("limit");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/patients");

        given().queryParam("q", number).get("/api/v1/patients").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aChunkedBodyJustUnderTheLimitIsServed() throws Exception {
        String number = "CH-" + UUID.randomUUID();
        RawResponse response = RawHttp.postChunked("/api/v1/patients",
                "{\"patientNumber\":\"" + number + "\",\"givenName\":\"Ana\",\"familyName\":\"Ruiz\"",
                limit.asLongValue() - 1024, "}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        given().queryParam("q", number).get("/api/v1/patients").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].patientNumber", equalTo(number));
    }

    /** A status line, headers (names in lower case) and the decoded body of one HTTP/1.1 response. */
    record RawResponse(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /**
     * HTTP/1.1 over a plain socket, because HTTP clients stop reading the response when the server
     * ends the connection while they are still sending. The body is written by a sender thread that
     * stops quietly when the server closes or resets the connection; the calling thread reads one
     * complete response (status line, headers and the whole body) and never reads past it, so a
     * reset that follows the response cannot hide it.
     */
    static final class RawHttp {

        private static final int CHUNK = 64 * 1024;

        /** Posts {@code head}, spaces and {@code tail}, {@code totalBytes} in all, in 64 KB chunks. */
        static RawResponse postChunked(String path, String head, long totalBytes, String tail) throws Exception {
            byte[] start = head.getBytes(StandardCharsets.UTF_8);
            byte[] end = tail.getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                Thread sender = new Thread(() -> {
                    try {
                        out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        chunk(out, start, start.length);
                        byte[] spaces = new byte[CHUNK];
                        Arrays.fill(spaces, (byte) ' ');
                        long left = totalBytes - start.length - end.length;
                        while (left > 0) {
                            int n = (int) Math.min(CHUNK, left);
                            chunk(out, spaces, n);
                            left -= n;
                        }
                        chunk(out, end, end.length);
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException closedOrReset) {
                        // The server answered and closed the connection before the body was sent.
                    }
                }, "chunked-sender");
                sender.setDaemon(true);
                sender.start();
                try {
                    return read(socket.getInputStream());
                } finally {
                    socket.close();
                    sender.join(60_000);
                }
            }
        }

        private static void chunk(OutputStream out, byte[] data, int length) throws IOException {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, 0, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        private static RawResponse read(InputStream in) throws IOException {
            String statusLine = line(in);
            assertThat(statusLine).as("status line").startsWith("HTTP/1.1 ");
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].strip(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].strip(), 16)) {
                    body.write(exactly(in, size));
                    line(in);
                }
                line(in);
            } else {
                String length = headers.get("content-length");
                assertThat(length).as("a response without a length would be read to the close, which may be a reset")
                        .isNotNull();
                body.write(exactly(in, Integer.parseInt(length)));
            }
            return new RawResponse(status, headers, body.toString(StandardCharsets.UTF_8));
        }

        private static byte[] exactly(InputStream in, int n) throws IOException {
            byte[] bytes = in.readNBytes(n);
            assertThat(bytes.length).as("body bytes received before the connection ended").isEqualTo(n);
            return bytes;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                assertThat(b).as("the response ended in the middle of a line: " + line).isNotEqualTo(-1);
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
