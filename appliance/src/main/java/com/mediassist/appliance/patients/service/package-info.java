/**
 * Patient use cases over the store: demographics, search and history items, each audited in the
 * transaction that touches the data.
 */
package com.mediassist.appliance.patients.service;
