/**
 * Who may call the appliance: form login with an encrypted, HttpOnly, SameSite=Strict session
 * cookie; bearer API tokens for integrations; roles {@code doctor} and {@code admin}; the
 * double-submit CSRF check; login throttling (429); security headers on every response; and the
 * first administrator on a fresh installation. Users and tokens live in the local store.
 */
package com.mediassist.appliance.security;
