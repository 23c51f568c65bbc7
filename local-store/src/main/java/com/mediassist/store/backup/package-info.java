/**
 * Online backup of the live database ({@code VACUUM INTO}) and offline restore that validates the
 * backup and keeps the replaced database aside until the restored one opens.
 */
package com.mediassist.store.backup;
