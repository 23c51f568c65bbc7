/**
 * REST edge of the medication checks: {@code POST /api/v1/medication-check} for doctors and admins,
 * with input errors as RFC 9457 problems naming the field.
 */
package com.mediassist.appliance.medication.rest;
