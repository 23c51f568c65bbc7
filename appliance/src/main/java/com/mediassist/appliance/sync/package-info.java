/**
 * The sync agent inside the appliance: typed upload events built from server state in the same
 * transaction as the change they describe ({@link com.mediassist.appliance.sync.UploadEvents}), the
 * daily-window scheduler, and the queue on the administrator's status page.
 */
package com.mediassist.appliance.sync;
