package com.mediassist.appliance.status;

/**
 * Recent latency of one endpoint.
 *
 * @param endpoint method and path template, e.g. {@code POST /api/v1/diagnosis}
 * @param count    calls since the appliance started
 * @param window   calls the percentiles are computed over (the most recent ones)
 * @param medianMs median duration in milliseconds over the window
 * @param p95Ms    95th percentile (nearest rank) in milliseconds over the window
 * @param errors   calls in the window answered with a 5xx status
 */
public record EndpointLatency(String endpoint, long count, int window, double medianMs, double p95Ms, int errors) {
}
