/**
 * The signed update repository (TUF 1.0, Ed25519, consistent snapshots) the vendor publishes bundles
 * into and the boxes pull from: role keys ({@code models keys init}) and publishing ({@code models publish}).
 */
package com.mediassist.models.tuf;
