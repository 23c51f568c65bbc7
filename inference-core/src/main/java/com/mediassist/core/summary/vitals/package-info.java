/**
 * Vital signs in Spanish and English notes (TA/BP, FC/HR, temperature, SatO2/SpO2, FR/RR, weight,
 * height, IMC/BMI) with units and plausibility flags; numbers dictated in words are read as digits
 * ({@code NumberWords}), and home readings, targets, dry and birth weights are no readings. The patterns have bounded repetitions only
 * (no nested quantifiers), so their cost is linear in the text length.
 */
package com.mediassist.core.summary.vitals;
