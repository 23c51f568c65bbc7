/** Ed25519 keys and signatures of the fleet protocol and the update repository, on the JDK provider. */
package com.mediassist.models.crypto;
