/**
 * The DeepL API v2 for Dutch→English ({@code /v2/translate}, {@code /v2/usage}, {@code /v2/languages}): DeepL's
 * parameters mapped onto the compat translator, errors as DeepL writes them ({@code {"message": ...}}).
 */
package dev.nlen.api.deepl;
