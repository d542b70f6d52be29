package purkinje.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import purkinje.io.ConfigException;
import purkinje.plot.FigureWriter;
import purkinje.plot.Rendering;

/**
 * Draws the figures and report.html of a result folder from its files. The run commands call this
 * on their finished tables (before the folder is moved into place) and 'purkinje plot' calls it on
 * an earlier result, so each figure is made one way: files -> records -> chart.
 */
public final class Reports {
    /** The report's file name. */
    public static final String REPORT = "report.html";
    /** The figures folder. */
    public static final String FIGURES = "figures";

    private Reports() {
    }

    /** What a render wrote. */
    public record Outcome(ReportContent content, List<Path> figureFiles, Path report) {
    }

    /** The content of a result's report (figures built only when {@code figures}). */
    public static ReportContent content(ResultFiles files, boolean figures) {
        return content(files, figures, FigureOptions.DEFAULT);
    }

    /** As {@link #content(ResultFiles, boolean)}, with the given figure choices. */
    public static ReportContent content(ResultFiles files, boolean figures, FigureOptions options) {
        return content(files, figures, options, files.folder().toString());
    }

    /** As above; {@code folderName} is the folder as the user would type it (in a redraw command). */
    private static ReportContent content(ResultFiles files, boolean figures, FigureOptions options, String folderName) {
        return switch (files.command()) {
            case "demo", "compare" -> CompareReport.build(files, figures, options, folderName);
            case "fi" -> FiReport.build(files, figures);
            case "validate" -> ValidationReport.build(files, figures);
            case "sweep", "merge" -> SweepReport.build(files, figures);
            case "fit" -> FitReport.build(files, figures);
            default -> throw new ConfigException(files.folder().resolve("manifest.json") + ": unknown kind of result '"
                    + files.command() + "' (expected demo, compare, fi, validate, sweep, merge or fit)");
        };
    }

    /**
     * Draws every figure (unless {@code figures} is false) and report.html into {@code folder}. All
     * files are first written into a hidden folder inside it and moved in only when everything was
     * drawn, so on any error the folder's earlier figures and report stay as they were.
     *
     * @param figures     false for --no-figures: only report.html, which then says figures were skipped
     * @param displayName the folder as the user would type it (for the report's redraw command)
     */
    public static Outcome render(Path folder, Rendering rendering, boolean figures, String displayName) {
        return render(folder, rendering, figures, displayName, FigureOptions.DEFAULT);
    }

    /**
     * As {@link #render(Path, Rendering, boolean, String)}, with the given figure choices. The figure
     * set is replaced as a whole: a file of one of this result's figures in another format (e.g. the
     * PDF of an earlier {@code --format pdf}) that this render did not write is removed, so figures/
     * never mixes two renderings. Files of other names in figures/ (the user's) are kept.
     */
    public static Outcome render(Path folder, Rendering rendering, boolean figures, String displayName,
                                 FigureOptions options) {
        ResultFiles files = ResultFiles.open(folder);
        ReportContent content = content(files, figures, options, displayName);
        Path temp;
        try {
            temp = Files.createTempDirectory(folder, ".plot-");
        } catch (IOException e) {
            throw new ConfigException("cannot write into " + folder + " (" + purkinje.io.IoFailure.reason(e)
                    + "); the figures are drawn into the result folder: copy it to a folder you may write to and "
                    + "plot the copy");
        }
        // a signal ends the JVM without finally blocks: the hidden folder would stay in the result
        Path drawing = temp;
        Thread cleanUp = purkinje.io.ShutdownHooks.add(() -> deleteTree(drawing), "purkinje-figures-cleanup");
        try {
            List<ReportPage.DrawnFigure> drawn = new ArrayList<>();
            Path figDir = temp.resolve(FIGURES);
            for (ReportContent.Figure f : content.figures()) {
                FigureWriter.Written w;
                try {
                    w = FigureWriter.write(f.chart(), figDir, f.name(), f.logicalHeightPx(), rendering);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not write figure " + f.name(), e);
                }
                List<String> names = w.files().stream().map(p -> FIGURES + "/" + p.getFileName()).toList();
                drawn.add(new ReportPage.DrawnFigure(f, w.png(), w.widthPx(), w.heightPx(), names));
            }
            String note = figures ? null : "Figures were skipped (--no-figures). Draw them from the tables with: "
                    + "purkinje plot " + displayName;
            String style = rendering.style().name() + " style, " + rendering.width() + " px wide";
            Files.writeString(temp.resolve(REPORT), ReportPage.html(content, files.manifest(), drawn, note,
                    displayName, style), StandardCharsets.UTF_8);
            // everything is drawn: move it in
            List<Path> moved = new ArrayList<>();
            if (Files.isDirectory(figDir)) {
                Path target = folder.resolve(FIGURES);
                Files.createDirectories(target);
                try (DirectoryStream<Path> s = Files.newDirectoryStream(figDir)) {
                    List<Path> sorted = new ArrayList<>();
                    s.forEach(sorted::add);
                    sorted.sort(Comparator.naturalOrder());
                    for (Path p : sorted) {
                        Path to = target.resolve(p.getFileName());
                        move(p, to);
                        moved.add(to);
                    }
                }
                removeStale(target, content, moved);
            }
            Path report = folder.resolve(REPORT);
            move(temp.resolve(REPORT), report);
            return new Outcome(content, moved, report);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the figures of " + folder, e);
        } finally {
            purkinje.io.ShutdownHooks.remove(cleanUp);
            deleteTree(temp);
        }
    }

    /** Deletes this result's figure files in a format this render did not write (an earlier rendering's). */
    private static void removeStale(Path figuresFolder, ReportContent content, List<Path> written) throws IOException {
        for (ReportContent.Figure f : content.figures()) {
            for (Rendering.Format format : Rendering.Format.values()) {
                Path p = figuresFolder.resolve(f.name() + "." + format.extension());
                if (!written.contains(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // best effort: a leftover hidden .plot- folder is harmless
        }
    }

    /** Names of the figure kinds, for messages. */
    static String describe(Rendering r) {
        return String.join(",", r.formats().stream().map(f -> f.extension().toLowerCase(Locale.ROOT)).toList());
    }
}
