/**
 * Over-the-air bundle activation on the box: poll or import a TUF repository, stage a bundle, verify it
 * (TUF, then the bundle's own hashes), run its golden cases in a shadow engine, switch atomically,
 * watch a health gate and roll back automatically; keep the last N bundles. All state lives in
 * {@code <data-dir>/ota/} and changes by atomic renames, so a power loss leaves the old or the new
 * bundle active, never none. {@link com.mediassist.sync.ota.BundleUpdates} takes diagnosis bundles,
 * {@link com.mediassist.sync.ota.KnowledgeUpdates} knowledge bundles (state in {@code ota/knowledge/}); both
 * are {@link com.mediassist.sync.ota.OtaUpdates}. Each kept bundle keeps the signed metadata and the target it
 * was verified with, so {@link com.mediassist.sync.ota.BundleSignatures} can verify it again at any time
 * ({@code mediassist check}).
 */
package com.mediassist.sync.ota;
