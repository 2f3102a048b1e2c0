package dev.nlen.text;

/**
 * Which quote marks of one paragraph open a quotation and which close one. Dutch newspapers write „…”, “…”,
 * "…", '…', ‘…’ and the ASCII form {@code ,,…''}; tokenised copy puts spaces on both sides of a mark. A mark is
 * decided by its shape where that is unambiguous ({@code ,,} „ « open, ” » close), else by its spacing (attached
 * to the next word only: opens; to the previous only: closes), else by whether a quotation of that kind is open.
 * An apostrophe is no quote: inside a word (auto's, zo'n), an elision ('s, 't, 'k, 'n), before a year ('04), or
 * after a digit or a word with no single quotation open (02', Kees'). Input is a shadow text in which all white
 * space is U+0020.
 */
final class QuoteRoles {

    enum Role { NONE, OPEN, CLOSE }

    private final Role[] roles;

    private QuoteRoles(Role[] roles) {
        this.roles = roles;
    }

    Role at(int index) {
        return index < roles.length ? roles[index] : Role.NONE;
    }

    static QuoteRoles of(String s) {
        Role[] roles = new Role[s.length()];
        java.util.Arrays.fill(roles, Role.NONE);
        boolean doubleOpen = false;
        boolean singleOpen = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = i + 1 < s.length() && s.charAt(i + 1) == c && (c == ',' || c == '\'');
            int end = pair ? i + 2 : i + 1;
            Role role;
            boolean isDouble;
            if (pair && c == ',') {
                role = Role.OPEN;
                isDouble = true;
            } else if (pair || c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»') {
                role = doubleRole(s, i, end, c, pair, doubleOpen);
                isDouble = true;
            } else if (c == '\'' || c == '‘' || c == '’' || c == '‚') {
                role = singleRole(s, i, c, singleOpen);
                isDouble = false;
            } else {
                continue;
            }
            for (int k = i; k < end; k++) {
                roles[k] = role;
            }
            if (role != Role.NONE) {
                if (isDouble) {
                    doubleOpen = role == Role.OPEN;
                } else {
                    singleOpen = role == Role.OPEN;
                }
            }
            i = end - 1;
        }
        return new QuoteRoles(roles);
    }

    private static Role doubleRole(String s, int start, int end, char c, boolean pair, boolean open) {
        if (c == '„' || c == '«') {
            return Role.OPEN;
        }
        if (c == '”' || c == '»') {
            return Role.CLOSE;
        }
        boolean left = attachedLeft(s, start);
        boolean right = end < s.length() && s.charAt(end) != ' ';
        if (end == s.length()) {
            return Role.CLOSE; // a mark at the paragraph end never opens
        }
        if (pair) {
            return !left && right && !open ? Role.OPEN : Role.CLOSE; // '' is the closer of ,,…''
        }
        if (left && !right) {
            return Role.CLOSE;
        }
        if (!left && right) {
            return Role.OPEN;
        }
        if (c == '“') {
            return open && left ? Role.CLOSE : Role.OPEN; // German-style „…“ closes with it
        }
        // spaced on both sides (tokenised copy): it opens only if a mark later in the paragraph can close it
        return open || !closerFollows(s, end, c) ? Role.CLOSE : Role.OPEN;
    }

    private static Role singleRole(String s, int i, char c, boolean open) {
        boolean left = attachedLeft(s, i);
        boolean right = i + 1 < s.length() && s.charAt(i + 1) != ' ';
        int prev = i > 0 ? s.codePointBefore(i) : ' ';
        int next = right ? s.codePointAt(i + 1) : ' ';
        if (c == '‘' || c == '‚') {
            return Role.OPEN;
        }
        if (left && right && Character.isLetterOrDigit(prev) && Character.isLetter(next)) {
            return Role.NONE; // auto's, zo'n
        }
        if (!left && (isElision(s, i + 1) || Character.isDigit(next))) {
            return Role.NONE; // 's Avonds, 't, '04
        }
        if (!left && right) {
            return Role.OPEN;
        }
        if (open && (!right || !Character.isLetterOrDigit(next))) {
            return Role.CLOSE;
        }
        if (!left && !right && c == '\'' && closerFollows(s, i + 1, c)) {
            return Role.OPEN; // tokenised ' Dit doet pijn ' , aldus
        }
        return Role.NONE; // 02', Kees' and a lone mark with nothing open
    }

    /** Whether a later {@code mark} in {@code s} is followed by a space or the end, as a closing mark is. */
    private static boolean closerFollows(String s, int from, char mark) {
        for (int i = s.indexOf(mark, from); i >= 0; i = s.indexOf(mark, i + 1)) {
            if (i + 1 == s.length() || s.charAt(i + 1) == ' ' || !Character.isLetterOrDigit(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** An opener may follow an opening bracket without a space: ("Kom"). */
    private static boolean attachedLeft(String s, int i) {
        if (i == 0) {
            return false;
        }
        char before = s.charAt(i - 1);
        return before != ' ' && before != '(' && before != '[';
    }

    /** 's, 't, 'k, 'n, 'm, 'r followed by a non-letter: a clipped article or pronoun, not a quotation. */
    private static boolean isElision(String s, int at) {
        if (at >= s.length() || "stknmr".indexOf(Character.toLowerCase(s.charAt(at))) < 0) {
            return false;
        }
        return at + 1 >= s.length() || !Character.isLetter(s.charAt(at + 1));
    }
}
