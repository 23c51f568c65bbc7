/**
 * The typed events that may leave the box, version 1 of the sync protocol: a sealed set of records
 * whose every field is on the allow-list (codes, bands, ISO weeks, enumerated values), validated
 * when built, so free text, exact dates and local ids cannot be represented at all.
 */
package com.mediassist.sync.upload.event;
