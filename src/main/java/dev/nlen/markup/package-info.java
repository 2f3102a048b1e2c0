/**
 * HTML in and out (jsoup): block elements become translatable pieces, inline markup is carried around the
 * translated text, and {@code <script>}, {@code <style>}, {@code <pre>}, {@code <code>} and every attribute stay
 * untouched. Knows nothing about sentences or models: callers segment and translate the pieces' plain text.
 */
package dev.nlen.markup;
