/**
 * The clinic's opt-in to uploading scrubbed note text: off by default, and even when on, a note
 * leaves only scrubbed by the shipped de-identifier and only while that de-identifier's measured
 * recall meets the gate stated in its own bundle ({@link com.mediassist.sync.upload.notes.NoteUpload}).
 */
package com.mediassist.sync.upload.notes;
