package com.mediassist.core.medication;

import com.mediassist.core.knowledge.Bilingual;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A therapeutic or chemical class used by the rules (NSAIDs, penicillins, QT-prolonging drugs …).
 *
 * @param key               identifier used by the rule files
 * @param name              display name
 * @param members           the ingredients in the class
 * @param duplicateSeverity severity of a duplicate-therapy alert when two members are prescribed;
 *                          empty when two members together are not a duplicate
 * @param allergyTerms      folded words that name this class in an allergy list ("penicilinas")
 * @param source            where the membership comes from
 */
public record DrugClass(String key, Bilingual name, Set<IngredientKey> members, Optional<Severity> duplicateSeverity,
                        List<String> allergyTerms, String source) {

    public DrugClass {
        members = Set.copyOf(members);
        allergyTerms = List.copyOf(allergyTerms);
    }

    /** @return whether the ingredient is in this class */
    public boolean contains(IngredientKey key) {
        return members.contains(key);
    }
}
