/**
 * Renderers of a {@link dev.nlen.translation.AlignedDocument}: JSON, plain text, bilingual Markdown, side-by-side
 * HTML and TMX 1.4b, each a small class behind {@link dev.nlen.format.DocumentRenderer}. No container, no I/O.
 */
package dev.nlen.format;
