package dev.nlen.format;

import dev.nlen.text.ArticleSegmenter;
import dev.nlen.text.Paragraph;
import dev.nlen.text.SegmentedArticle;
import dev.nlen.text.Sentence;
import dev.nlen.translation.AlignedDocument;
import dev.nlen.translation.AlignedParagraph;
import dev.nlen.translation.AlignedParagraph.ParagraphKind;
import dev.nlen.translation.AlignedSentence;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Aligned documents built the way translation/ builds them, with a scripted "translation" per sentence. */
final class SampleDocuments {

    static final AlignedDocument.ModelInfo MODEL =
            new AlignedDocument.ModelInfo("Helsinki-NLP/opus-mt-nl-en", "abc123", "fp32", "cpu");

    /** Emoji, markup characters, a heading, a title, list items, CRLF and a control character. */
    static final String ARTICLE = "\uFEFF# Kop & <titel>\r\n\r\n"
            + "Trump 😀 zei \"ja\" & 'nee'. Kim <b>zweeg</b>.\r\n"
            + "Dat duurde\r\nlang.\r\n\r\n"
            + "Korte titel\r\n\r\n"
            + "- één 👍🏽 item\r\n"
            + "2) twee\u0007 items\r\n";

    private SampleDocuments() {
    }

    static AlignedDocument translated(String article, UnaryOperator<String> translate, List<String> alternatives) {
        SegmentedArticle segmented = new ArticleSegmenter().segment(article);
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        int sentenceCount = 0;
        for (Paragraph paragraph : segmented.paragraphs()) {
            List<AlignedSentence> sentences = new ArrayList<>();
            for (Sentence sentence : paragraph.sentences()) {
                String source = sentence.text(article);
                sentences.add(new AlignedSentence(sentence.start(), sentence.end(), source,
                        translate.apply(sentence.textForTranslation(article)), -0.5, alternatives, -0.25));
            }
            sentenceCount += sentences.size();
            String target = String.join(" ", sentences.stream().map(AlignedSentence::target).toList());
            paragraphs.add(new AlignedParagraph(paragraph.index(), ParagraphKind.valueOf(paragraph.kind().name()),
                    paragraph.start(), paragraph.end(), paragraph.content(article), target, sentences));
        }
        return new AlignedDocument(article, MODEL, paragraphs,
                new AlignedDocument.Stats(paragraphs.size(), sentenceCount, 40, 42, 123));
    }

    /** "EN: " + the source, so every target is traceable to its sentence. */
    static AlignedDocument sample() {
        return translated(ARTICLE, s -> "EN: " + s, List.of());
    }
}
