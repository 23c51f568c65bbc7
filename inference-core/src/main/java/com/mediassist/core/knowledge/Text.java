package com.mediassist.core.knowledge;

import com.mediassist.core.knowledge.KnowledgeException.MalformedKnowledgeException;

/**
 * A short text in both product languages.
 *
 * @param es Spanish
 * @param en English
 */
public record Text(String es, String en) {

    public Text {
        if (es == null || es.isBlank() || en == null || en.isBlank()) {
            throw new MalformedKnowledgeException("a text needs both Spanish and English, found es=" + es + ", en=" + en);
        }
    }

    /** The text in the given language. */
    public String in(Language language) {
        return language == Language.EN ? en : es;
    }
}
