/**
 * Text folding and typo distance shared by every engine that matches what a doctor types (medicine
 * names, evidence search, note extraction), so that all of them treat case and accents alike.
 */
package com.mediassist.core.text;
