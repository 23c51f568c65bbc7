/**
 * Operational status for the clinic's administrator: which model bundle is active, how each module
 * (diagnosis model and its fallback, medication checks, recommended tests, preventive care, summary)
 * is doing, and recent latencies per endpoint. Also the switch that takes a misbehaving module out
 * of service ({@code mediassist.modules.disabled}): its endpoints then answer 503 problem details and
 * the UI shows that panel as unavailable while the rest keeps working.
 */
package com.mediassist.appliance.status;
