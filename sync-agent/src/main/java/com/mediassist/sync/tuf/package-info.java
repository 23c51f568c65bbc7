/**
 * A TUF 1.0 client (The Update Framework specification 1.0.x): trusted root, timestamp, snapshot and
 * targets metadata with delegations, signature thresholds over canonical JSON (Ed25519, ECDSA P-256,
 * RSA-PSS and RSA PKCS#1 v1.5 with SHA-256), expiry against an injected {@link java.time.Clock},
 * version numbers that never go back, chained root rotation, length and hash limits on every download
 * and consistent snapshots. {@link com.mediassist.sync.tuf.Updater} is the entry point; every refusal
 * is a specific {@link com.mediassist.sync.tuf.TufException} carrying the facts. Trusted metadata is
 * stored as the exact bytes that were verified. {@link com.mediassist.sync.tuf.TargetEvidence} keeps the
 * metadata that vouched for one downloaded target so that it can be verified again later, offline, through
 * the roots kept in a {@link com.mediassist.sync.tuf.RootHistory}.
 */
package com.mediassist.sync.tuf;
