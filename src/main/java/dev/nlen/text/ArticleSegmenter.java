package dev.nlen.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Article text → paragraphs, headings and list items ({@link BlockParser}, {@link TitleRule}) → Dutch sentences
 * ({@link DutchSentenceSplitter}). Offsets are UTF-16 indices into the text as given (a leading BOM included in
 * the count but in no segment). Thread-safe and cheap to share.
 */
public final class ArticleSegmenter {

    private final DutchSentenceSplitter sentenceSplitter = new DutchSentenceSplitter();

    public SegmentedArticle segment(String text) {
        List<Paragraph> paragraphs = new ArrayList<>();
        for (BlockParser.Block block : BlockParser.parse(text)) {
            List<Sentence> sentences = sentenceSplitter.split(text, block.contentStart(), block.end());
            paragraphs.add(new Paragraph(paragraphs.size(), block.kind(), block.start(), block.end(), sentences));
        }
        return new SegmentedArticle(text, paragraphs);
    }

}
