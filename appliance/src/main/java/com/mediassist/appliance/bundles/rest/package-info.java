/** {@code /api/v1/bundles}: active, previous and staged bundles, update history, update and rollback (admin). */
package com.mediassist.appliance.bundles.rest;
