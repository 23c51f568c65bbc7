/**
 * Time for the appliance: one injectable UTC {@link java.time.Clock}, so that code which checks
 * expiry or rate limits runs at a fixed instant in tests.
 */
package com.mediassist.appliance.time;
