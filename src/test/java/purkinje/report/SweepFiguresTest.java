package purkinje.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;
import purkinje.engine.ProgressListener;
import purkinje.report.ReportContent.Figure;
import purkinje.sweep.PointRow;
import purkinje.sweep.SweepPlan;
import purkinje.sweep.SweepRunner;

/**
 * Issue 11.5, what a reader of a sweep's figures sees: a two-parameter grid draws rate against
 * each parameter with one line per value of the other (a panel per condition, theory dashed), a
 * heatmap of the rate change against the reference in %, and axes named with units, not raw keys.
 * The series must hold exactly the numbers of points.csv.
 */
class SweepFiguresTest {
    private static final String CONFIG = """
            seed: 5
            duration: 500 ms
            cells_per_condition: 4
            heterogeneity: {I_pace: 0}
            sweep:
              parameters:
                meis1_dosage: [0, 0.5, 1]
                noise.sigma_v: [1 mV, 3 mV]
            """;

    private static Map<String, Figure> figures(SweepPlan plan, List<PointRow> rows) {
        return SweepReport.figures(plan, rows).stream().collect(Collectors.toMap(Figure::name, f -> f));
    }

    @Test
    void twoParameterGridGroupsByTheOtherParameterAndShowsTheChange() {
        SweepPlan plan = SweepPlan.parse(CONFIG, "t.yaml", "t", null);
        List<PointRow> rows = SweepRunner.simulate(plan, IntStream.range(0, plan.size()).boxed().toList(), 2,
                ProgressListener.NONE);
        Map<String, Figure> figs = figures(plan, rows);
        assertEquals(java.util.Set.of("rate-vs-meis1_dosage", "rate-vs-noise_sigma_v", "heatmap",
                "heatmap-change-meis1-reduced"), figs.keySet());

        JFreeChart byDosage = figs.get("rate-vs-meis1_dosage").chart();
        CombinedRangeXYPlot combined = (CombinedRangeXYPlot) byDosage.getPlot();
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(2, panels.size(), "one panel per condition");
        for (int c = 0; c < 2; c++) {
            String condition = plan.conditionNames().get(c);
            XYPlot panel = panels.get(c);
            XYDataset lines = panel.getDataset(0);
            assertEquals(2, lines.getSeriesCount(), "one line per noise level");
            assertEquals("1 mV", lines.getSeriesKey(0));
            assertEquals("3 mV", lines.getSeriesKey(1));
            assertEquals("MEIS1 dosage (0 = null, 1 = wild type)", panel.getDomainAxis().getLabel());
            for (int g = 0; g < 2; g++) {
                double sigma = g == 0 ? 1 : 3;
                List<PointRow> expected = rows.stream().filter(r -> r.condition().equals(condition)
                        && r.values()[1] == sigma).toList();
                assertEquals(3, lines.getItemCount(g));
                for (int i = 0; i < 3; i++) {
                    assertEquals(expected.get(i).values()[0], lines.getXValue(g, i));
                    assertEquals(expected.get(i).meanRateHz(), lines.getYValue(g, i));
                }
                XYDataset theory = panel.getDataset(1);
                assertEquals(expected.get(2).theoryRateHz(), theory.getYValue(g, 2));
                BasicStroke stroke = (BasicStroke) panel.getRenderer(1).getSeriesStroke(g);
                assertNotNull(stroke.getDashArray(), "theory is dashed");
                assertEquals(panel.getRenderer(0).getSeriesPaint(g), panel.getRenderer(1).getSeriesPaint(g),
                        "theory in its line's colour");
            }
        }
        assertEquals("Mean firing rate (Hz)", combined.getRangeAxis().getLabel());
        assertEquals("Firing rate vs MEIS1 dosage", byDosage.getTitle().getText());
        XYPlot byNoise = ((CombinedRangeXYPlot) figs.get("rate-vs-noise_sigma_v").chart().getPlot()).getSubplots()
                .get(1);
        assertEquals("Membrane noise sigma_V (mV)", byNoise.getDomainAxis().getLabel());
        assertEquals(3, byNoise.getDataset(0).getSeriesCount(), "one line per dosage");

        XYPlot change = (XYPlot) figs.get("heatmap-change-meis1-reduced").chart().getPlot();
        XYZDataset z = (XYZDataset) change.getDataset();
        assertEquals(6, z.getItemCount(0));
        for (int k = 0; k < 6; k++) {
            int point = (int) z.getXValue(0, k) * 2 + (int) z.getYValue(0, k);
            double reference = rows.stream().filter(r -> r.point() == point && r.condition().equals("wild-type"))
                    .findFirst().orElseThrow().meanRateHz();
            double reduced = rows.stream().filter(r -> r.point() == point && r.condition().equals("meis1-reduced"))
                    .findFirst().orElseThrow().meanRateHz();
            assertEquals(100 * (reduced / reference - 1), z.getZValue(0, k), 1e-9);
        }
        assertEquals("MEIS1 dosage (0 = null, 1 = wild type)", change.getDomainAxis().getLabel());
        assertEquals("Membrane noise sigma_V (mV)", change.getRangeAxis().getLabel());
        String headline = SweepReport.headline(plan, rows);
        assertTrue(headline.contains("Against the wild-type cells at the same point, the meis1-reduced cells' rate "
                + "changes by"), headline);
        assertTrue(!headline.contains("wild-type, MEIS1 dosage = 0") && !headline.contains("wild-type, MEIS1 dosage "
                + "= 0.5"), "the reference is at dosage 1 at every point: " + headline);
    }

    @Test
    void oneParameterSweepNamesItsAxisWithTheUnit() {
        SweepPlan plan = SweepPlan.parse("""
                seed: 5
                duration: 300 ms
                cells_per_condition: 2
                inputs:
                  parallel_fibres: {rate: 0.5 Hz, synapses: 2650, weight: 2 pA, tau_syn: 2 ms}
                sweep:
                  parameters:
                    inputs.parallel_fibres.rate: [0.25 Hz, 1 Hz]
                """, "t.yaml", "t", null);
        List<PointRow> rows = SweepRunner.simulate(plan, List.of(0, 1), 2, ProgressListener.NONE);
        JFreeChart chart = figures(plan, rows).get("rate-vs-inputs_parallel_fibres_rate").chart();
        assertEquals("Parallel-fibre rate per synapse (Hz)", ((XYPlot) chart.getPlot()).getDomainAxis().getLabel());
        assertEquals("Firing rate vs parallel-fibre rate per synapse", chart.getTitle().getText());
        assertTrue(SweepReport.headline(plan, rows).startsWith("As parallel-fibre rate per synapse goes from 0.25 Hz "
                + "to 1 Hz"), SweepReport.headline(plan, rows));
    }
}
