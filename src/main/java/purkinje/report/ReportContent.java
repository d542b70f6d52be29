package purkinje.report;

import java.util.List;
import org.jfree.chart.JFreeChart;

/**
 * What a report says about one result, before it becomes files: the one-sentence finding, the
 * figures with their captions, the statistics tables. Built from the result's files by
 * {@link CompareReport}, {@link FiReport}, {@link ValidationReport} or {@link SweepReport}.
 *
 * @param kind     what wrote the result, e.g. "compare"
 * @param title    page title
 * @param headline one sentence: what was found, with the numbers of the tables
 * @param figures  figures in reading order
 * @param tables   statistics tables
 * @param notDrawn figures that could not be drawn, one line each saying which, why and how to draw
 *                 them (empty when every figure is there)
 */
public record ReportContent(String kind, String title, String headline, List<Figure> figures, List<TableData> tables,
                            List<String> notDrawn) {
    public ReportContent {
        figures = List.copyOf(figures);
        tables = List.copyOf(tables);
        notDrawn = List.copyOf(notDrawn);
    }

    /** A report with every figure drawn. */
    public ReportContent(String kind, String title, String headline, List<Figure> figures, List<TableData> tables) {
        this(kind, title, headline, figures, tables, List.of());
    }

    /**
     * One figure.
     *
     * @param name            file base name in figures/, e.g. "rates"
     * @param chart           the chart
     * @param logicalHeightPx height the layout needs at the paper width (0: the style's default)
     * @param caption         how to read it, in plain words
     */
    public record Figure(String name, JFreeChart chart, int logicalHeightPx, String caption) {
    }

    /**
     * A table for the page.
     *
     * @param caption what the table shows
     * @param header  column names (with units)
     * @param rows    cells as display text
     * @param note    text under the table (may be empty)
     */
    public record TableData(String caption, List<String> header, List<List<String>> rows, String note) {
        public TableData {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            note = note == null ? "" : note;
        }
    }
}
