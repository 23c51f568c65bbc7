/**
 * Which events may leave now (delay, k-anonymity with generalisation, hold limit) and how a batch
 * is made of them: shuffled, given per-batch random ids, canonicalised, content-addressed and signed.
 */
package com.mediassist.sync.upload.batch;
