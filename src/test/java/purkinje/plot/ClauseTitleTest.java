package purkinje.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;

/**
 * The rate figure's statistics subtitle as drawn (the text lines of the SVG): JFreeChart's own
 * line breaker split "p = 5.3e-7" into "p = 5.3e-" and "7" and left "each" alone on a line; six
 * comparisons took six to nine lines, a third of the figure.
 */
class ClauseTitleTest {

    private static final String LINE = RateByConditionFigure.comparisonSubtitle("meis1-reduced-heterozygous-larvae",
            "wild-type-larvae", -31.2, -34.4, -27.9, 5.3e-7, 40);

    /** The text elements of the chart drawn as SVG at width x height px, in drawing order. */
    static List<String> drawnTexts(JFreeChart chart, int width, int height) {
        String svg = FigureWriter.svgElement(chart, "t", width, height, 1);
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return out;
    }

    @Test
    void subtitleBreaksOnlyBetweenClausesAtEveryWidth() {
        for (int width = 320; width <= 900; width += 10) {
            JFreeChart chart = RateByConditionFigure.chart(SyntheticData.rates(10, 1), LINE);
            List<String> texts = drawnTexts(chart, width, 600);
            String at = "at " + width + " px: " + texts;
            assertTrue(texts.stream().anyMatch(t -> t.contains("Mann-Whitney p = 5.3e-7")), at);
            assertTrue(texts.stream().anyMatch(t -> t.contains("40 cells each")), at);
            assertTrue(texts.stream().anyMatch(t -> t.contains("(95 % CI -34 to -28 %)")), at);
            assertFalse(texts.stream().anyMatch(t -> t.endsWith("e-") || t.equals("each")), at);
        }
    }

    @Test
    void greedyLinesKeepClausesAndTheirTokensWhole() {
        // one unit per character: clauses fill lines up to the width, a clause too wide breaks at spaces
        List<String> lines = ClauseTitle.lines("aa bb, cc dd, ee\nx = 1, yy %", 12, String::length);
        assertEquals(List.of("aa bb,", "cc dd, ee", "x = 1, yy %"), lines);
        assertEquals(List.of("a long", "clause", "p = 0.01", "of 40 %"),
                ClauseTitle.lines("a long clause p = 0.01 of 40 %", 8, String::length));
        assertEquals(List.of("", "ab"), ClauseTitle.lines("\nab", 5, String::length), "blank lines are kept");
    }

    @Test
    void manyComparisonsShareTwoOrThreeLines() {
        List<ConditionRates> rates = new ArrayList<>();
        List<RateByConditionFigure.RateChange> changes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "dosage-" + (10 - i) / 10.0 + "-heterozygous";
            names.add(name);
            rates.add(new ConditionRates(name, new double[] {20 - i, 21 - i, 22 - i}));
            if (i > 0) {
                changes.add(new RateByConditionFigure.RateChange(name, names.get(0), -6.0 * i, -6.0 * i - 5,
                        -6.0 * i + 5, Math.pow(10, -3 - i)));
            }
        }
        String subtitle = RateByConditionFigure.comparisonsSubtitle(changes, 40, names);
        assertTrue(subtitle.startsWith("change of the mean rate and Mann-Whitney p against dosage-1.0-heterozygous, "
                + "40 cells each: "), subtitle);
        List<String> labels = RateByConditionFigure.tickLabels(names);
        for (int i = 1; i < 7; i++) { // each condition under its axis label, with its change and p
            assertTrue(subtitle.contains(labels.get(i) + " " + (-6 * i) + " % (p = 1.0e-" + (3 + i) + ")"), subtitle);
        }
        List<String> drawn = drawnTexts(RateByConditionFigure.chart(rates, subtitle), 900, 600);
        List<String> lines = drawn.stream().filter(t -> t.contains("(p = ")).toList();
        assertTrue(lines.size() <= 3, "subtitle lines: " + lines);
        assertEquals(6, lines.stream().mapToInt(t -> t.split("\\(p = ", -1).length - 1).sum(), lines.toString());
        // two comparisons keep a full line each
        assertEquals(2, RateByConditionFigure.comparisonsSubtitle(changes.subList(0, 2), 40, names).split("\n").length);
    }
}
