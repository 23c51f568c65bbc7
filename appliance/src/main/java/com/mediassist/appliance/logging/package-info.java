/**
 * Writing what a client sent into the server log safely: user input is quoted and its control
 * characters escaped, so that it cannot forge log lines.
 */
package com.mediassist.appliance.logging;
