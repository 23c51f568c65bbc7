/**
 * Preventive care for stored patients: turns the store's patient and history into the engine's profile
 * and audits the read.
 */
package com.mediassist.appliance.prevention.service;
