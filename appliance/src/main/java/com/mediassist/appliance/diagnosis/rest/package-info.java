/**
 * The diagnosis REST API: {@code POST /api/v1/diagnosis} and the evidence search of the symptom
 * picker, for doctors and admins. Bad input becomes a 400 problem naming the offending item; an
 * unavailable engine becomes a 503 problem with the reason.
 */
package com.mediassist.appliance.diagnosis.rest;
