/**
 * Owner-only files of the data directory: the directory itself (0700), the database with its WAL
 * and shared-memory files, backups and key files (0600), set whatever the process umask, and the
 * secret files (session key, audit key) made once with random bytes and read back.
 */
package com.mediassist.store.files;
