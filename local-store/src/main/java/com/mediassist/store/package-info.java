/**
 * The MediAssist local store: one SQLite database per appliance holding users, API tokens,
 * patients and their history, consultations, feedback on suggestions, the hash-chained audit log,
 * the upload outbox and installed model bundles. Open it with
 * {@link com.mediassist.store.Database#open(java.nio.file.Path)}; every failure is a
 * {@link com.mediassist.store.StoreException}.
 */
package com.mediassist.store;
