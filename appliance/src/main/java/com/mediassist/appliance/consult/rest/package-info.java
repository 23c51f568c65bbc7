/** REST edge of consultations and feedback under {@code /api/v1/consultations}. */
package com.mediassist.appliance.consult.rest;
