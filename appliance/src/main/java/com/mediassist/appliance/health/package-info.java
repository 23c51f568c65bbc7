/**
 * Health and metrics: the readiness checks (database reachable; the bundle check joins later) and
 * the Prometheus latency histograms of HTTP requests. Both endpoints are open without login.
 */
package com.mediassist.appliance.health;
