/**
 * The clinic's pseudonymous identity: an Ed25519 key pair made at set-up with the JDK's
 * {@code java.security} provider, the private key kept owner-only (0600) in the data directory.
 */
package com.mediassist.sync.upload.crypto;
