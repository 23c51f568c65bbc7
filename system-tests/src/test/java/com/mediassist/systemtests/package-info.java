/**
 * Cross-side tests of the learning loop: the clinic side (sync agent, OTA client, appliance) against the
 * vendor side (fleet service, retrain, gate, publish), each through its real code. Lives in its own
 * module so neither side depends on the other.
 */
package com.mediassist.systemtests;
