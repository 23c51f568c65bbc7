/**
 * The installer CLI ({@code bin/mediassist}): Picocli commands for clinic IT to add users, create
 * and revoke API tokens, migrate, back up and restore the database, verify the audit chain, and
 * check a machine before the appliance starts. Every command takes {@code --data-dir}.
 */
package com.mediassist.installer;
