/**
 * The installation's session-cookie key: made once in the data directory ({@code session.key},
 * 0600), supplied to Quarkus as {@code quarkus.http.auth.session.encryption-key} before it starts,
 * never logged, and refused when shorter than 32 bytes.
 */
package com.mediassist.appliance.security.keys;
