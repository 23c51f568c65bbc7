/**
 * End-to-end tests of the doctor's UI: the packaged appliance started as a process, driven through
 * Selenium in Debian's headless Chromium.
 */
package com.mediassist.appliance.e2e;
