/**
 * Model bundle format v1: a directory (or zip) with {@code manifest.json}, the ONNX model and the
 * knowledge files. {@link com.mediassist.core.bundle.BundleLoader} verifies the size and SHA-256 of
 * every listed file before anything is used, and throws one exception per failure. Signatures are not
 * part of the bundle: the update repository signs the bundle zip (TUF targets metadata, {@code docs/ota.md}).
 */
package com.mediassist.core.bundle;
