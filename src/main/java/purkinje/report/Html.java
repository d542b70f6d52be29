package purkinje.report;

import java.util.regex.Pattern;

/** HTML escaping for text and attribute values (no template engine). */
final class Html {
    /** "p = 1.7e-4", "2.1e-12" and "12 %": a browser breaks lines after a hyphen and at spaces. */
    private static final Pattern NUMBER = Pattern.compile(
            "p = [-+]?\\d+(\\.\\d+)?(e[-+]\\d+)?|[-+]?\\d+(\\.\\d+)?(e[-+]\\d+| %)");

    private Html() {
    }

    /** Escapes {@code & < > " '} so any text is safe as element content or a quoted attribute value. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Escaped text with each p-value, number in e-notation and percentage in a span that is not
     * broken across lines ({@code .nowrap}): "p = 1.7e-" at a line's end and "4" on the next misread
     * as a different number. The page's text is unchanged (copying it gives the plain characters).
     */
    static String keepNumbersWhole(String escaped) {
        return NUMBER.matcher(escaped).replaceAll("<span class=\"nowrap\">$0</span>");
    }
}
