/** The use case: article → sentences → batches → hypotheses → aligned document. */
package dev.nlen.translation;
