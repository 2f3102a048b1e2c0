package dev.nlen.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Boundary precision, recall and F1 of sentence splitters on annotated Dutch paragraphs. A folder holds {@code
 * *.txt} files with one sentence per line and a blank line between paragraphs; each paragraph is joined with
 * single spaces, split, and the predicted sentence starts (the first excepted) are compared with the gold ones.
 * Compared: the project's {@link ArticleSegmenter}, ICU4J's plain sentence iterator (locale nl) and the naive
 * regex "split after .!? before a capital". Run by {@code scripts/eval-segmentation.sh [folder ...]}.
 */
public final class SegmentationEval {

    /** One paragraph: its joined text and the gold starts of its second and later sentences. */
    record Paragraph(String file, String text, Set<Integer> boundaries) {}

    /** Counts of one splitter on one folder, and its errors in context. */
    record Score(int truePositives, int falsePositives, int falseNegatives, List<String> errors) {

        double precision() {
            return ratio(truePositives, truePositives + falsePositives);
        }

        double recall() {
            return ratio(truePositives, truePositives + falseNegatives);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        private static double ratio(int a, int b) {
            return b == 0 ? 1 : (double) a / b;
        }
    }

    private static final ULocale DUTCH = ULocale.forLanguageTag("nl");
    private static final Pattern NAIVE = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
    private static final int CONTEXT = 40;

    private SegmentationEval() {
    }

    /** The splitters compared, by name, each paragraph text → predicted sentence starts (the first excepted). */
    static Map<String, Function<String, Set<Integer>>> splitters() {
        ArticleSegmenter segmenter = new ArticleSegmenter();
        Map<String, Function<String, Set<Integer>>> splitters = new LinkedHashMap<>();
        splitters.put("nlen", text -> withoutFirst(segmenter.segment(text).sentences().stream()
                .map(Sentence::start).toList()));
        splitters.put("icu4j", SegmentationEval::icuStarts);
        splitters.put("regex", SegmentationEval::naiveStarts);
        return splitters;
    }

    static List<Paragraph> readFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Paragraph> paragraphs = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                paragraphs.addAll(readFile(file));
            }
            return paragraphs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Paragraph> readFile(Path file) throws IOException {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                addParagraph(file, sentences, paragraphs);
                sentences.clear();
            } else {
                sentences.add(line.strip());
            }
        }
        addParagraph(file, sentences, paragraphs);
        return paragraphs;
    }

    private static void addParagraph(Path file, List<String> sentences, List<Paragraph> paragraphs) {
        if (sentences.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        Set<Integer> boundaries = new TreeSet<>();
        for (String sentence : sentences) {
            if (!text.isEmpty()) {
                text.append(' ');
                boundaries.add(text.length());
            }
            text.append(sentence);
        }
        paragraphs.add(new Paragraph(file.getFileName().toString(), text.toString(), boundaries));
    }

    static Score score(List<Paragraph> paragraphs, Function<String, Set<Integer>> splitter) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        List<String> errors = new ArrayList<>();
        for (Paragraph paragraph : paragraphs) {
            Set<Integer> predicted = splitter.apply(paragraph.text());
            for (int b : predicted) {
                if (paragraph.boundaries().contains(b)) {
                    tp++;
                } else {
                    fp++;
                    errors.add("extra " + paragraph.file() + ": " + context(paragraph.text(), b));
                }
            }
            for (int b : paragraph.boundaries()) {
                if (!predicted.contains(b)) {
                    fn++;
                    errors.add("miss  " + paragraph.file() + ": " + context(paragraph.text(), b));
                }
            }
        }
        return new Score(tp, fp, fn, errors);
    }

    private static String context(String text, int at) {
        String left = text.substring(Math.max(0, at - CONTEXT), at);
        String right = text.substring(at, Math.min(text.length(), at + CONTEXT));
        return "…" + left + "‖" + right + "…";
    }

    private static Set<Integer> withoutFirst(List<Integer> starts) {
        Set<Integer> set = new TreeSet<>(starts);
        if (!set.isEmpty()) {
            set.remove(((TreeSet<Integer>) set).first());
        }
        return set;
    }

    private static Set<Integer> icuStarts(String text) {
        BreakIterator iterator = BreakIterator.getSentenceInstance(DUTCH);
        iterator.setText(text);
        Set<Integer> starts = new TreeSet<>();
        for (int b = iterator.next(); b != BreakIterator.DONE && b < text.length(); b = iterator.next()) {
            starts.add(b);
        }
        return starts;
    }

    private static Set<Integer> naiveStarts(String text) {
        Set<Integer> starts = new TreeSet<>();
        Matcher matcher = NAIVE.matcher(text);
        while (matcher.find()) {
            starts.add(matcher.end());
        }
        return starts;
    }

    /** Prints the table for each folder, then every error of the project's splitter (of all with --all-errors). */
    public static void main(String[] args) {
        boolean allErrors = List.of(args).contains("--all-errors");
        List<Path> folders = Stream.of(args).filter(a -> !a.startsWith("--")).map(Path::of).toList();
        if (folders.isEmpty()) {
            System.err.println("usage: SegmentationEval [--all-errors] FOLDER...");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, Function<String, Set<Integer>>> splitters = splitters();
        for (Path folder : folders) {
            List<Paragraph> paragraphs = readFolder(folder);
            int gold = paragraphs.stream().mapToInt(p -> p.boundaries().size()).sum();
            out.printf("%s: %d paragraphs, %d boundaries%n", folder, paragraphs.size(), gold);
            out.printf("  %-6s %9s %9s %9s %5s %5s %5s%n", "", "precision", "recall", "F1", "tp", "fp", "fn");
            Map<String, Score> scores = new LinkedHashMap<>();
            splitters.forEach((name, splitter) -> scores.put(name, score(paragraphs, splitter)));
            scores.forEach((name, s) -> out.printf("  %-6s %9.3f %9.3f %9.3f %5d %5d %5d%n",
                    name, s.precision(), s.recall(), s.f1(), s.truePositives(), s.falsePositives(), s.falseNegatives()));
            scores.forEach((name, s) -> {
                if (allErrors || name.equals("nlen")) {
                    s.errors().forEach(e -> out.println("  " + name + " " + e));
                }
            });
        }
    }
}
