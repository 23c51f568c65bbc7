package com.mediassist.sync.upload;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** The vendor URL rule: HTTPS anywhere, plain HTTP only to 127.0.0.1 (tests). */
public final class VendorUrls {

    private VendorUrls() {
    }

    /**
     * Parses and checks a vendor URL.
     *
     * @throws VendorUrlException when it is not absolute HTTPS or HTTP to 127.0.0.1
     */
    public static URI parse(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.strip());
            check(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new VendorUrlException(text, "not a URL (" + e.getReason() + ")");
        }
    }

    static void check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null) {
            throw new VendorUrlException(uri.toString(), "expected an absolute https:// URL");
        }
        if (scheme.equals("https")) {
            return;
        }
        if (scheme.equals("http") && uri.getHost().equals("127.0.0.1")) {
            return;
        }
        throw new VendorUrlException(uri.toString(), "expected https:// (plain http:// only to 127.0.0.1)");
    }

    /** {@code {vendorUrl}/api/v1/batches}. */
    public static URI batches(URI vendorUrl) {
        String base = vendorUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v1/batches");
    }
}
