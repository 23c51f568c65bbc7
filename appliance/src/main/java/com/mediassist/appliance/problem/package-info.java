/**
 * RFC 9457 problem details: the one place where exceptions become HTTP error responses. Resources
 * throw {@link com.mediassist.appliance.problem.ApiProblemException} (or a module exception mapped here)
 * and never build error bodies themselves.
 */
package com.mediassist.appliance.problem;
