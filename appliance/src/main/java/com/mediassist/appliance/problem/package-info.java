/**
 * RFC 9457 problem details: where exceptions become HTTP error responses. Services throw domain
 * exceptions ({@link com.mediassist.appliance.failure.ApplianceException} and the other modules' roots),
 * which the mappers here and in each feature's {@code rest} package turn into problems with a stable
 * {@code type}; resources may throw {@link com.mediassist.appliance.problem.ApiProblemException}
 * for request checks of their own. Nothing below the REST layer names an HTTP status.
 */
package com.mediassist.appliance.problem;
