/**
 * Over-the-air bundle updates in the appliance: {@code service} polls the update repository, switches
 * the live diagnosis engine to a verified bundle, watches the health gate and rolls back;
 * {@code rest} is the administrator's {@code /api/v1/bundles}.
 */
package com.mediassist.appliance.bundles;
