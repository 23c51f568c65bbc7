package com.mediassist.sync.tuf;

import com.mediassist.sync.tuf.TufException.DownloadFailedException;
import com.mediassist.sync.tuf.TufException.DownloadHttpException;
import com.mediassist.sync.tuf.TufException.DownloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Fetches {@code http:}/{@code https:} URLs (no redirects followed, no caches) and {@code file:} URLs
 * (an offline repository snapshot, e.g. from a USB stick: an absent file counts as HTTP 404). Every
 * read stops at the length limit plus one byte (endless data); a connection that stalls longer than
 * the read timeout or a download slower than the whole-file deadline fails (slow retrieval).
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    the longest pause between two reads
 * @param deadline       the longest one download may take
 */
public record UrlFetcher(Duration connectTimeout, Duration readTimeout, Duration deadline) implements Fetcher {

    /** 10 s to connect, 30 s between reads, 10 min per file. */
    public static UrlFetcher defaults() {
        return new UrlFetcher(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    @Override
    public byte[] fetch(String url, long maxLength) throws TufException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DownloadFailedException(url, e);
        }
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return fetchFile(url, Path.of(uri), maxLength);
        }
        try {
            URLConnection c = uri.toURL().openConnection();
            if (!(c instanceof HttpURLConnection http)) {
                throw new DownloadFailedException(url, new IOException("only http, https and file URLs are fetched"));
            }
            http.setInstanceFollowRedirects(false);
            http.setUseCaches(false);
            http.setConnectTimeout((int) connectTimeout.toMillis());
            http.setReadTimeout((int) readTimeout.toMillis());
            try {
                int status = http.getResponseCode();
                if (status != 200) {
                    throw new DownloadHttpException(url, status);
                }
                long declared = http.getContentLengthLong();
                if (declared > maxLength) {
                    throw new DownloadTooLargeException(url, maxLength);
                }
                try (InputStream in = http.getInputStream()) {
                    return readLimited(url, in, maxLength);
                }
            } finally {
                http.disconnect();
            }
        } catch (IOException e) {
            throw new DownloadFailedException(url, e);
        }
    }

    private byte[] fetchFile(String url, Path file, long maxLength) throws TufException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLimited(url, in, maxLength);
        } catch (NoSuchFileException e) {
            throw new DownloadHttpException(url, 404);
        } catch (IOException e) {
            throw new DownloadFailedException(url, e);
        }
    }

    private byte[] readLimited(String url, InputStream in, long maxLength) throws IOException, TufException {
        long started = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            total += n;
            if (total > maxLength) {
                throw new DownloadTooLargeException(url, maxLength);
            }
            out.write(buf, 0, n);
            if (System.nanoTime() - started > deadline.toNanos()) {
                throw new DownloadFailedException(url, new IOException("download took longer than " + deadline));
            }
        }
        return out.toByteArray();
    }
}
