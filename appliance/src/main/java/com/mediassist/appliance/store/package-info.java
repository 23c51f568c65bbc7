/**
 * The embedded SQLite store as a CDI bean: typed configuration of the data directory and the
 * producer that opens (and migrates) the database once and closes it at shut-down.
 */
package com.mediassist.appliance.store;
