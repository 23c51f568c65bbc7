/**
 * Knowledge bundles for over-the-air delivery: {@link com.mediassist.models.knowledge.KnowledgeBundleCommand}
 * ({@code models knowledge-bundle}) packs a knowledge folder with its version, provenance, the appliance it
 * needs and golden cases recorded from the very bundle (the vendor's golden inputs are in this module), for
 * {@code models publish --knowledge} to sign into the update repository.
 */
package com.mediassist.models.knowledge;
