/**
 * {@link com.mediassist.appliance.bundles.service.BundleUpdateService} (diagnosis bundles) and
 * {@link com.mediassist.appliance.bundles.service.KnowledgeUpdateService} (knowledge bundles): the appliance side of
 * {@code com.mediassist.sync.ota} (polling, live switch, health gate, automatic rollback), configured
 * by {@link com.mediassist.appliance.bundles.service.OtaConfig}.
 */
package com.mediassist.appliance.bundles.service;
