package com.mediassist.sync.tuf;

/**
 * Downloads one file of a repository with a length limit. Implementations: {@link UrlFetcher}
 * ({@code http(s):} and {@code file:} URLs); tests may serve a repository of their own.
 */
@FunctionalInterface
public interface Fetcher {

    /**
     * The bytes at {@code url}, never more than {@code maxLength}.
     *
     * @throws TufException.DownloadHttpException     on an HTTP error status or an absent file (404)
     * @throws TufException.DownloadTooLargeException when the file is longer than {@code maxLength}
     * @throws TufException.DownloadFailedException   when the repository is unreachable or too slow
     */
    byte[] fetch(String url, long maxLength) throws TufException;
}
