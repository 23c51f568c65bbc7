package com.mediassist.core.summary.negation;

/**
 * A trigger phrase.
 *
 * @param category  effect on findings in scope
 * @param direction scope direction
 * @param phrase    the phrase as written in the rules file
 */
public record ContextRule(TriggerCategory category, Direction direction, String phrase) {
}
