/**
 * The fit evaluation (issue 21): doctor-written vignettes run note → summary → diagnosis through the same
 * engines the appliance uses, scored for in-scope accuracy, out-of-scope verdicts and calibration.
 */
package com.mediassist.models.fit;
