/**
 * Fleet ingest, the vendor side of the learning loop: the sync protocol v1 receiver (envelope,
 * canonical payload, Ed25519, content address, allow-list re-validation), the clinic registry, the
 * ingest log (embedded file or Kafka partitioned by clinic), the HTTP edge and the weekly report.
 */
package com.mediassist.models.fleet;
