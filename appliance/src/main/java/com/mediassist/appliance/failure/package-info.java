/**
 * The appliance's domain failures: {@link com.mediassist.appliance.failure.ApplianceException} and its
 * subclasses, thrown by services and carrying the facts (which field, which consultation, what was
 * missing). They know nothing of HTTP; the REST layer's exception mappers turn each into RFC 9457
 * problem details with its own status and {@code type} URI.
 */
package com.mediassist.appliance.failure;
