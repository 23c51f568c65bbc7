/**
 * The login page: a server-rendered form (Qute, Spanish by default, English on request) that posts
 * to Quarkus form authentication. No inline script or style, so it works under the strict CSP.
 */
package com.mediassist.appliance.login;
