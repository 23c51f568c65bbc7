/**
 * REST edge of preventive care: {@code GET /api/v1/patients/{id}/preventive-care} for doctors and admins.
 */
package com.mediassist.appliance.prevention.rest;
