/**
 * RFC 8785 (JCS) canonical JSON for the protocol's restricted value set (objects, arrays, strings,
 * booleans, integers; no floats, no nulls), and strict reading of stored events.
 */
package com.mediassist.sync.upload.json;
