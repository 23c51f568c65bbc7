/**
 * Runs the diagnosis engine inside the appliance: loads and verifies the active model bundle at
 * startup (the one shipped in the appliance, or {@code mediassist.bundle.dir}), keeps the reason
 * when it cannot, and reports readiness.
 */
package com.mediassist.appliance.diagnosis.service;
