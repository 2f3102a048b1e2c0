/**
 * Article text → paragraph-level segments (paragraphs, headings, list items) → sentences, with exact UTF-16
 * offsets into the submitted text. Pure JDK + ICU4J; knows nothing of models or translation.
 */
package dev.nlen.text;
