/**
 * Delivery to the fleet service: one HTTPS POST per batch through the JDK's {@link java.net.http.HttpClient},
 * and the exponential back-off with jitter between failed attempts.
 */
package com.mediassist.sync.upload.delivery;
