package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The compare report's headline with many conditions: six full sentences filled the page's first
 * screen; now one head and a clause per condition. And its numbers are not broken across lines.
 */
class CompareHeadlineTest {

    private static CompareReport.Comparison against(String test, double testHz, double p) {
        return new CompareReport.Comparison("wt", test, 40, 40, 15.4, testHz, 100 * (testHz / 15.4 - 1), -50, 0, p,
                p / 2);
    }

    @Test
    void manyConditionsGetOneClauseEach() {
        List<CompareReport.Comparison> six = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            six.add(against("d" + i, 15.4 - i, Math.pow(10, -2 - i)));
        }
        assertEquals("Mean per-cell rates against the wt cells (15.4 Hz), 40 cells each, with Mann-Whitney p: "
                + "d1 14.4 Hz (6.5 % less, p = 0.0010); d2 13.4 Hz (13 % less, p = 1.0e-4); "
                + "d3 12.4 Hz (19 % less, p = 1.0e-5); d4 11.4 Hz (26 % less, p = 1.0e-6); "
                + "d5 10.4 Hz (32 % less, p = 1.0e-7); d6 9.4 Hz (39 % less, p = 1.0e-8).",
                CompareReport.headline(six, null));
        // two conditions against the reference: a full sentence each, as before
        String two = CompareReport.headline(six.subList(0, 2), null);
        assertTrue(two.startsWith("The d1 cells fired 6.5 % less than the wt cells: 14.4 vs 15.4 Hz"), two);
        assertEquals(2, two.split("\\. The ").length, two);
        // a silent reference has no percent change: full sentences, which say so
        List<CompareReport.Comparison> silent = new ArrayList<>(six);
        silent.set(0, new CompareReport.Comparison("wt", "d1", 40, 40, 0, 1, Double.NaN, Double.NaN, Double.NaN,
                0.01, 0.01));
        assertTrue(CompareReport.headline(silent, null).contains("so no percent change is defined"));
    }

    @Test
    void numbersAreKeptWholeInThePage() {
        assertEquals("fired <span class=\"nowrap\">12 %</span> less, Mann-Whitney <span class=\"nowrap\">p = 1.7e-4"
                        + "</span>; <span class=\"nowrap\">p = 0.032</span>, <span class=\"nowrap\">2.1e-12</span>, "
                        + "dosage-0.5-het",
                Html.keepNumbersWhole("fired 12 % less, Mann-Whitney p = 1.7e-4; p = 0.032, 2.1e-12, dosage-0.5-het"));
    }
}
