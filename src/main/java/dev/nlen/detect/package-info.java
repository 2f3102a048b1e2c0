/**
 * Which language a text is in: Lingua, loaded with only the languages a Dutch newsroom meets. Plain Java, no
 * container; {@code config/} loads it in the background and {@code api/} and {@code translation/} ask it.
 */
package dev.nlen.detect;
