/**
 * Evaluation of the medication safety check against interaction lists, random unlisted pairs (specificity),
 * polypharmacy lists and a most-prescribed name list. Vendor side: reads the lists it is given, ships nothing.
 */
package com.mediassist.models.medication;
