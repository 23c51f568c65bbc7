/** How the appliance writes and reads the store's records as JSON: enums as their FHIR-style codes. */
package com.mediassist.appliance.json;
