package com.mediassist.appliance.status;

import java.util.List;

/**
 * The admin status page's content.
 *
 * @param bundle    the active model bundle, or null when none is loaded
 * @param modules   health of each module, in a stable order
 * @param latencies recent latency per API endpoint, slowest median first
 */
public record StatusReport(BundleInfo bundle, List<ModuleHealth> modules, List<EndpointLatency> latencies) {
}
