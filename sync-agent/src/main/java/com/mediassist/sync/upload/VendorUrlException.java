package com.mediassist.sync.upload;

/** The vendor URL is not HTTPS, or plain HTTP to somewhere other than 127.0.0.1. */
public class VendorUrlException extends SyncException {

    private final String url;

    public VendorUrlException(String url, String reason) {
        super("vendor URL '" + url + "' refused: " + reason);
        this.url = url;
    }

    /** The refused URL. */
    public String url() {
        return url;
    }
}
