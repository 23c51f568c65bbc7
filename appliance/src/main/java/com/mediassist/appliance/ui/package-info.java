/**
 * Server side of the doctor's browser UI: the message bundles the page reads its texts from
 * ({@code GET /i18n/{lang}}) and the logout that ends the session cookie. The page itself is plain
 * ES modules and CSS under {@code META-INF/resources} (see {@code docs/adr-ui.md}).
 */
package com.mediassist.appliance.ui;
