/**
 * How well a patient fits what the diagnosis model knows (issue 21): the catalogue of clinical findings
 * DDXPlus has no evidence for ({@link com.mediassist.core.fit.UnmappedConcepts}), the fit verdict on a
 * differential ({@link com.mediassist.core.fit.FitAssessor}, deciding through the logistic
 * {@link com.mediassist.core.fit.VerdictModel}), the must-not-miss list and the model's scope
 * statement. Plain Java; the appliance exposes it through its diagnosis API.
 */
package com.mediassist.core.fit;
