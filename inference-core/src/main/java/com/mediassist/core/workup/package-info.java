/**
 * Recommended tests for a differential diagnosis. {@link com.mediassist.core.workup.WorkupPlanner}
 * knows, for each of the 49 DDXPlus pathologies, the tests a named guideline recommends to confirm it,
 * rule it out or grade its severity, and orders the tests of a differential by probability times a
 * severity weight (DDXPlus severity 1, the most severe, weighs 5; severity 5 weighs 1; second-line
 * tests count half). A test that answers several candidates appears once, with its best score and every
 * reason. Deterministic and model-free, so it keeps working when every model is down.
 */
package com.mediassist.core.workup;
