/**
 * Consultations: the doctor's note, the evidences and prescriptions recorded (as JSON documents
 * owned by the consultation engines), the final diagnosis, and sign-off after which nothing changes.
 */
package com.mediassist.store.consultations;
