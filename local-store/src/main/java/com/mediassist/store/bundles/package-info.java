/**
 * Installed model and knowledge bundles, and which version of each serves ({@code active}) and
 * which one a rollback returns to ({@code previous}).
 */
package com.mediassist.store.bundles;
