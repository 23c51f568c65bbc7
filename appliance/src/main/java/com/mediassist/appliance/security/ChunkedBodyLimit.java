package com.mediassist.appliance.security;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforces {@code quarkus.http.limits.max-body-size} on the bytes the REST layer actually reads,
 * so that a body without a declared length (chunked) that grows past it is refused with a 413
 * problem ({@link SecurityProblemMappers#bodyTooLarge}) while the response is still ours to write.
 * Quarkus's own check for such bodies ends the response with an empty 413; {@link BodyLimitFilter}
 * moves that check {@link #QUARKUS_MARGIN_BYTES} further, where it only remains as a backstop.
 */
@Provider
public class ChunkedBodyLimit implements ReaderInterceptor {

    /**
     * How far beyond our limit Quarkus's own check is moved. The bytes Vert.x has received run
     * ahead of those the reader has consumed by at most a few HTTP chunks (it fetches one buffer
     * at a time), far less than this.
     */
    static final long QUARKUS_MARGIN_BYTES = 1024 * 1024;

    private final long maxBytes;

    public ChunkedBodyLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Counting(context.getInputStream(), maxBytes));
        return context.proceed();
    }

    /**
     * The body grew past the limit while it was read. An {@link IOException}, so that Jackson
     * passes it on unwrapped.
     */
    public static final class BodyTooLargeException extends IOException {

        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("The request body exceeds " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        /** The configured limit. */
        public long maxBytes() {
            return maxBytes;
        }
    }

    /** Counts the bytes read and fails as soon as they exceed the limit. */
    private static final class Counting extends FilterInputStream {

        private final long max;
        private long read;

        Counting(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyTooLargeException {
            read += n;
            if (read > max) {
                throw new BodyTooLargeException(max);
            }
        }
    }
}
