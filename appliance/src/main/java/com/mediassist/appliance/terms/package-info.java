/**
 * Clinical words for the symptom picker: the surface forms doctors write ("disnea", "dolor torácico",
 * "shortness of breath"), read from the note reader's evidence lexicon, searched in both languages
 * and mapped to the DDXPlus evidences they stand for; and the short clinical label of each evidence
 * for chips and next questions.
 */
package com.mediassist.appliance.terms;
