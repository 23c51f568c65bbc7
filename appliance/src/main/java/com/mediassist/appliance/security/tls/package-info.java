/**
 * The appliance's TLS certificate as the status page shows it: where it comes from, its names and
 * how long it is still valid.
 */
package com.mediassist.appliance.security.tls;
