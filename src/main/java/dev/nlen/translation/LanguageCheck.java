package dev.nlen.translation;

import java.util.Optional;

/**
 * Asked of every paragraph before translation: a paragraph clearly in another language is left as it is (and
 * flagged) instead of being pushed through a Dutch model.
 */
@FunctionalInterface
public interface LanguageCheck {

    /** Every paragraph is Dutch. */
    LanguageCheck NONE = paragraph -> Optional.empty();

    /** The paragraph's language (ISO 639-1) when it is clearly not Dutch; empty to translate it. */
    Optional<String> foreignLanguage(String paragraph);
}
