/**
 * REST edge of the recommended tests: {@code POST /api/v1/recommended-tests} for doctors and admins.
 */
package com.mediassist.appliance.workup.rest;
