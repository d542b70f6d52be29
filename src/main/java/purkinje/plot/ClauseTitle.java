package purkinje.plot;

import java.awt.Font;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.jfree.chart.block.LengthConstraintType;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Size2D;

/**
 * A subtitle that wraps between clauses ("..., Mann-Whitney p = 5.3e-7, 40 cells each") instead
 * of wherever JFreeChart's line breaker allows: that one breaks after any hyphen and before the
 * "e" of a number, so a narrow figure showed "p = 5.3e-" on one line and "7" on the next, or
 * "each" alone on a line. At each layout the text is wrapped for the width the title gets, at
 * ", ", "; " and ": " first, at spaces only inside a clause wider than the line, and never inside a word
 * nor around " = " or before " %"; JFreeChart then finds every line fitting and breaks none.
 */
final class ClauseTitle extends TextTitle {
    private final String original;

    ClauseTitle(String text, Font font) {
        super(text, font);
        this.original = text;
    }

    /** The text as given, without the line breaks of the last layout. */
    String original() {
        return original;
    }

    @Override
    public Size2D arrange(Graphics2D g2, RectangleConstraint constraint) {
        RectangleConstraint content = toContentConstraint(constraint);
        LengthConstraintType type = content.getWidthConstraintType();
        double width = type == LengthConstraintType.NONE ? Double.POSITIVE_INFINITY
                : type == LengthConstraintType.FIXED ? content.getWidth() : content.getWidthRange().getUpperBound();
        Font before = g2.getFont();
        g2.setFont(getFont());
        String wrapped = String.join("\n", lines(original, width,
                s -> TextUtils.getTextBounds(s, g2, g2.getFontMetrics()).getWidth()));
        g2.setFont(before);
        setText(wrapped); // no event when unchanged
        return super.arrange(g2, constraint);
    }

    /**
     * The lines of {@code text} (its own line breaks kept) no wider than {@code width} where
     * possible, by the greedy rule: as many whole clauses per line as fit; a clause that alone is
     * too wide is broken at its spaces, keeping "p = 0.01" and "40 %" together.
     */
    static List<String> lines(String text, double width, ToDoubleFunction<String> measure) {
        List<String> out = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String line = "";
            for (String clause : clauses(paragraph)) {
                String joined = line + clause;
                if (!line.isEmpty() && measure.applyAsDouble(joined.strip()) > width) {
                    addBroken(out, line, width, measure);
                    joined = clause;
                }
                line = joined;
            }
            addBroken(out, line, width, measure);
        }
        return out;
    }

    /** Adds {@code line}, broken between its words where it is one clause too wide for a line. */
    private static void addBroken(List<String> out, String line, double width, ToDoubleFunction<String> measure) {
        String rest = "";
        for (String word : words(line)) {
            String joined = rest + word;
            if (!rest.isEmpty() && measure.applyAsDouble(joined.strip()) > width) {
                out.add(rest.strip());
                joined = word;
            }
            rest = joined;
        }
        out.add(rest.strip());
    }

    /** The clauses of a line, each with the ", ", "; " or ": " that ends it. */
    static List<String> clauses(String line) {
        return pieces(line, "(?<=[,;:] )");
    }

    /** The words of a clause, each with its trailing space; "=" and a "%" after a space stay with their neighbours. */
    static List<String> words(String clause) {
        return pieces(clause, "(?<= )(?![=%)])(?<!= )");
    }

    private static List<String> pieces(String s, String boundary) {
        List<String> out = new ArrayList<>();
        for (String p : s.split(boundary)) {
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
