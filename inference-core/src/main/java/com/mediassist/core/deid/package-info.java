/**
 * De-identification of free-text clinical notes (Spanish and English): a linear-chain CRF over
 * tokens with orthographic, lexical, window and gazetteer features ({@link com.mediassist.core.deid.CrfModel},
 * {@link com.mediassist.core.deid.DeidFeatures}), high-precision patterns for formats
 * ({@link com.mediassist.core.deid.DeidPatterns}), and typed surrogates
 * ({@link com.mediassist.core.deid.Surrogates}). The trained model ships as a hash-verified bundle
 * with its provenance and its recall gate ({@link com.mediassist.core.deid.DeidBundle}); training
 * lives on the vendor side ({@code models/}), this package only reads and runs it.
 */
package com.mediassist.core.deid;
