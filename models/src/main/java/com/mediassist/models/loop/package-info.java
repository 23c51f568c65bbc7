/**
 * Learning from what doctors confirmed: the fleet's confirmed cases as training rows, retraining a
 * diagnosis bundle with their provenance, and the safety gate a candidate must pass before publishing.
 */
package com.mediassist.models.loop;
