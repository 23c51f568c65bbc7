/**
 * JSON as the vendor tools sign and hash it: the RFC 8785 canonical form of the fleet protocol's
 * payloads and of the update repository's TUF metadata.
 */
package com.mediassist.models.json;
