package purkinje.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import purkinje.io.ConfigException;
import purkinje.io.OutputFolder;
import purkinje.io.ShutdownHooks;
import purkinje.io.Quantities;
import purkinje.model.Unit;
import purkinje.plot.Rendering;
import purkinje.plot.Style;
import purkinje.report.FigureOptions;
import purkinje.report.Reports;

/** {@code purkinje plot RESULT_DIR}: redraws the figures and report.html of an earlier result from its files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Redraw every figure and report.html of a result folder from its CSV and JSON files, "
                + "without simulating.",
            "Figures are drawn into a hidden folder first and moved into RESULT_DIR/figures/ only when all are done; "
                + "on bad input nothing is changed (exit 2)."})
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULT_DIR", description = "A result folder (e.g. results/demo).")
    Path folder;

    @Option(names = "--format", paramLabel = "LIST", defaultValue = "png,svg",
            description = "Figure files to write: png, svg, pdf, comma-separated (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--style", paramLabel = "STYLE", defaultValue = "paper",
            description = "paper (900 x 600 px) or slides (1024 x 640 px, large text and thick lines for a projector)"
                + " (default: ${DEFAULT-VALUE}).")
    String style;

    @Option(names = "--width", paramLabel = "PX", description = "Figure width in px (default: the style's).")
    Integer width;

    @Option(names = "--height", paramLabel = "PX", description = "Figure height in px (default: the style's; tall "
            + "figures such as the validation table grow with their rows).")
    Integer height;

    @Option(names = "--dpi", paramLabel = "N", defaultValue = "96",
            description = "PNG resolution: 96 = one image pixel per px, 192 = twice as many (default: ${DEFAULT-VALUE})."
                + " SVG and PDF are vector files.")
    int dpi;

    @Option(names = "--raster-window", paramLabel = "TIME", defaultValue = "2 s",
            description = "The raster shows the first TIME of the run (default: ${DEFAULT-VALUE}).")
    String rasterWindow;

    @Option(names = "--raster-cells", paramLabel = "N", defaultValue = "10",
            description = "The raster shows the first N cells of each condition (default: ${DEFAULT-VALUE}).")
    int rasterCells;

    @Option(names = "--quiet", description = "Print nothing; errors still go to stderr.")
    boolean quiet;

    @Override
    public Integer call() {
        Rendering rendering;
        FigureOptions options;
        try {
            Rendering.checkSize(width, height); // 0 too: it would mean "the style's size" below
            rendering = new Rendering(Style.of(style), Rendering.Format.parseList(format), width == null ? 0 : width,
                    height == null ? 0 : height, dpi);
            options = FigureOptions.redraw(Quantities.parse(rasterWindow, Unit.MILLISECOND, "--raster-window", "5 s"),
                    rasterCells);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
        // interrupted while drawing: the one line says which folder is untouched (the launcher's own
        // line, said when java had no hook, could not name it)
        Thread interrupted = ShutdownHooks.add(() -> OutputFolder.printInterrupted("no figure was redrawn; "
                + CompareRunner.displayPath(folder.toAbsolutePath().normalize()) + " is as it was"),
                "purkinje-plot-interrupted");
        Reports.Outcome o;
        try {
            o = Reports.render(folder.toAbsolutePath().normalize(), rendering, true,
                    CompareRunner.displayPath(folder.toAbsolutePath().normalize()), options);
        } finally {
            ShutdownHooks.remove(interrupted);
        }
        java.util.List<Path> drawn = new java.util.ArrayList<>(o.figureFiles());
        drawn.add(o.report());
        purkinje.io.OutputFolder.recordToolFiles(folder.toAbsolutePath().normalize(), drawn);
        if (!quiet) {
            System.out.println(o.content().headline());
            int files = o.figureFiles().size();
            System.out.println("figures: " + files + (files == 1 ? " file in " : " files in ")
                    + CompareRunner.displayPath(folder.toAbsolutePath().normalize().resolve(Reports.FIGURES)) + " ("
                    + rendering.style().name() + " style)");
            System.out.println("report: " + CompareRunner.displayPath(o.report()));
        }
        return ExitCodes.OK;
    }
}
