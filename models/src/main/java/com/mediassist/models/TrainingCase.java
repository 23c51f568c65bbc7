package com.mediassist.models;

import com.mediassist.core.knowledge.EvidenceCode;
import com.mediassist.core.knowledge.Finding;
import com.mediassist.core.knowledge.Sex;
import java.util.List;

/**
 * A patient as the trainer sees it: the label index, age, sex, every true finding and the chief
 * complaint.
 *
 * @param label     pathology index in knowledge order
 * @param age       years
 * @param sex       sex
 * @param findings  every present finding
 * @param initial   the chief complaint
 * @param synthetic whether it was sampled from frequencies rather than read from data
 */
record TrainingCase(int label, int age, Sex sex, List<Finding> findings, EvidenceCode initial, boolean synthetic) {
}
