package dev.nlen.translation;

import java.util.List;

/** One paragraph-level segment (paragraph, heading or list item) and its translation. */
public record AlignedParagraph(int index, ParagraphKind kind, int start, int end, String source, String target,
                               List<AlignedSentence> sentences) {

    public AlignedParagraph {
        sentences = List.copyOf(sentences);
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
