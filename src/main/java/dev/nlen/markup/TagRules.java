package dev.nlen.markup;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;

/** How each element is treated: a boundary between pieces, inline markup to carry, or something left untouched. */
final class TagRules {

    /** Never translated, their text not even shown to the model: code, data and embedded documents. */
    private static final Set<String> OPAQUE = Set.of("script", "style", "template", "noscript", "textarea", "select",
            "svg", "math", "iframe", "object", "canvas", "audio", "video", "head");
    /** Left exactly as written, but their text stays in the sentence so the model sees the context. */
    private static final Set<String> VERBATIM = Set.of("pre", "code", "kbd", "samp", "var", "tt");
    private static final Set<String> BREAKS = Set.of("br", "hr");

    private final Set<String> ignore;
    private final Set<String> nonSplitting;

    TagRules(Set<String> ignoreTags, Set<String> nonSplittingTags) {
        this.ignore = lower(ignoreTags);
        this.nonSplitting = lower(nonSplittingTags);
    }

    private static Set<String> lower(Set<String> tags) {
        return tags.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Left alone with its whole subtree. */
    boolean untouched(Element e) {
        return opaque(e) || verbatim(e);
    }

    boolean opaque(Element e) {
        return OPAQUE.contains(e.normalName());
    }

    /** Untouched, but its text is part of the sentence around it (an ignored tag or inline code). */
    boolean verbatim(Element e) {
        return VERBATIM.contains(e.normalName()) || ignore.contains(e.normalName());
    }

    /** Ends the current piece: a block element or a line break, unless the caller said it never splits. */
    boolean splits(Element e) {
        if (nonSplitting.contains(e.normalName()) || opaque(e)) {   // a script in a sentence stays in it
            return false;
        }
        return BREAKS.contains(e.normalName()) || e.tag().isBlock();
    }

    /** An inline element that holds a splitting element somewhere inside ({@code <a><div>…</div></a>}). */
    boolean holdsSplitting(Element e) {
        for (Element child : e.children()) {
            if (untouched(child)) {
                continue;
            }
            if (splits(child) || holdsSplitting(child)) {
                return true;
            }
        }
        return false;
    }

    static PieceKind kindOf(Element container) {
        String name = container.normalName();
        if (name.equals("title") || name.matches("h[1-6]")) {
            return PieceKind.HEADING;
        }
        return name.equals("li") || name.equals("dt") || name.equals("dd") ? PieceKind.LIST_ITEM : PieceKind.PARAGRAPH;
    }
}
