/**
 * Word-level matching of note text against the extractor's knowledge: tokenisation of folded text
 * with offsets into the original, longest-match phrase lookup, the Spanish/English lexicon of
 * DDXPlus evidences with typo tolerance, and the pain modifiers (location, character, onset).
 */
package com.mediassist.core.summary.lexicon;
