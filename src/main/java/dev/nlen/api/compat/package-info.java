/**
 * What the DeepL- and LibreTranslate-compatible APIs share: texts in, translations out, through the same
 * segmentation, batching and limits as {@code /v1/translate}. Errors are {@link CompatException}s that each API
 * ({@code api/deepl}, {@code api/libre}) writes in its own shape.
 */
package dev.nlen.api.compat;
