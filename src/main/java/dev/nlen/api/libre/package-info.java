/**
 * The LibreTranslate API for Dutch→English ({@code /translate}, {@code /languages}, {@code /detect},
 * {@code /frontend/settings}): its parameters mapped onto the compat translator, errors as LibreTranslate writes
 * them ({@code {"error": ...}}).
 */
package dev.nlen.api.libre;
