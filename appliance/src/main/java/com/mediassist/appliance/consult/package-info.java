/**
 * The consultation: started for a patient, its draft (note, recorded evidences, prescriptions)
 * saved as the doctor works, prescriptions guarded by the medication-safety check (an interrupting
 * alert needs an override reason), sign-off with the final diagnosis, and the implicit feedback on
 * every suggestion shown. Feedback and sign-off go to the local store and, de-identified, to the
 * outbox for the later sync agent; nothing leaves the box from here.
 */
package com.mediassist.appliance.consult;
