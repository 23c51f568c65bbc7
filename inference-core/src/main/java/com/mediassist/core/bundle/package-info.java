/**
 * Model bundle format v1: a directory (or zip) with {@code manifest.json}, the ONNX model and the
 * knowledge files. {@link com.mediassist.core.bundle.BundleLoader} verifies the size and SHA-256 of
 * every listed file before anything is used, and throws one exception per failure. A detached
 * signature ({@code manifest.json.sig}) will sit beside the manifest; the manifest names it.
 */
package com.mediassist.core.bundle;
