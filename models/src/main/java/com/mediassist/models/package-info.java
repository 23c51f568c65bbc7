/**
 * Vendor-side tools: build the Spanish/English DDXPlus knowledge, train the diagnosis model, export
 * it to ONNX, write model bundles (format v1) and evaluate them. {@link com.mediassist.models.ModelsCli}
 * is the command line ({@code bin/models}). Nothing here runs on the appliance.
 */
package com.mediassist.models;
