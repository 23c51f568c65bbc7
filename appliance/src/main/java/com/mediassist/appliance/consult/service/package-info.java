/**
 * Consultation and feedback services. The consultation's JSON documents in the store are owned
 * here: {@code evidences_json} holds {@code {"recorded": [...], "diagnosis": {...}, "summary": {...}}}
 * and {@code prescriptions_json} holds {@code {"medications": [...], "overrides": [...]}}.
 */
package com.mediassist.appliance.consult.service;
