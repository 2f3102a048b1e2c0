package dev.nlen.translation;

import java.util.List;

/**
 * One paragraph-level segment (paragraph, heading or list item) and its translation. {@code detectedLanguage} is
 * set (ISO 639-1) when the paragraph was clearly not Dutch and so was left as it is; null for a translated one.
 */
public record AlignedParagraph(int index, ParagraphKind kind, int start, int end, String source, String target,
                               List<AlignedSentence> sentences, String detectedLanguage) {

    public AlignedParagraph {
        sentences = List.copyOf(sentences);
    }

    /** A translated paragraph. */
    public AlignedParagraph(int index, ParagraphKind kind, int start, int end, String source, String target,
                            List<AlignedSentence> sentences) {
        this(index, kind, start, end, source, target, sentences, null);
    }

    /** Kinds of paragraph-level segment, with their wire names. */
    public enum ParagraphKind {
        PARAGRAPH("paragraph"), HEADING("heading"), LIST_ITEM("list-item");

        private final String wireName;

        ParagraphKind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
