/**
 * What the appliance suggested in each consultation, from which bundle and version, and what the
 * doctor did with it (accepted, dismissed, overridden with a reason): the raw material for judging
 * and improving the models.
 */
package com.mediassist.store.feedback;
