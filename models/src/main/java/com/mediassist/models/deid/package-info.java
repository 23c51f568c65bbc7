/**
 * Vendor side of de-identification: reads MEDDOCAN brat files, trains the linear-chain CRF with
 * Tribuo ({@code train-deid}), exports its weights into the bundle format the box reads
 * ({@code com.mediassist.core.deid}), and scores a bundle on brat files ({@code evaluate-deid}).
 */
package com.mediassist.models.deid;
