/**
 * The patients REST API, {@code /api/v1/patients}: create, read, search, update, history items and
 * the FHIR export, for the roles doctor and admin.
 */
package com.mediassist.appliance.patients.rest;
