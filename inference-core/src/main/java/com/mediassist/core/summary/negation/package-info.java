/**
 * ConText for consultation notes: negation (NegEx-MES, Spanish and English), historical, family and
 * hypothetical triggers (medspaCy's rules, extended for Spanish primary care), with scopes that end
 * at conjunctions ("pero", "aunque", "but"), terminating words and sentence boundaries.
 */
package com.mediassist.core.summary.negation;
