/**
 * {@link com.mediassist.appliance.knowledge.ActiveKnowledge}: the one complete knowledge set (medication
 * checks, recommended tests, preventive care) that answers requests; replaced in one step when an
 * over-the-air knowledge bundle is switched to, so that no request is answered by a half-loaded set.
 */
package com.mediassist.appliance.knowledge;
