package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import purkinje.report.ReportContent.TableData;

/**
 * The report.html text: one self-contained page (styles inline, figures as PNG data URIs, no
 * scripts, no fonts, no links to fetch, no network address anywhere), pure string building with
 * every piece of text escaped.
 */
public final class ReportPage {
    private ReportPage() {
    }

    /** A figure as drawn for the page. */
    public record DrawnFigure(ReportContent.Figure figure, byte[] png, int widthPx, int heightPx, List<String> files) {
    }

    private static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f6f6f4; color: #222; font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
                   Roboto, "DejaVu Sans", sans-serif; }
            main { max-width: 960px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
            h1 { font-size: 1.6em; margin: 0.2em 0 0.4em; }
            h2 { font-size: 1.25em; margin: 1.8em 0 0.6em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
            .kind { color: #666; margin: 0; font-size: 0.9em; text-transform: uppercase; letter-spacing: 0.05em; }
            .headline { font-size: 1.2em; font-weight: 600; background: #eef5fb; border-left: 5px solid #0072B2;
                        padding: 12px 16px; margin: 0.8em 0 1.2em; }
            .nowrap { white-space: nowrap; }
            figure { margin: 0 0 2em; }
            figure img { display: block; max-width: 100%; height: auto; border: 1px solid #e3e3e3; }
            figcaption { margin-top: 0.5em; font-size: 0.95em; color: #333; }
            .files { color: #666; font-size: 0.9em; }
            table { border-collapse: collapse; margin: 0.4em 0 0.4em; font-size: 0.9em; width: 100%; }
            caption { text-align: left; font-weight: 600; padding: 0.3em 0; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            .note { color: #555; font-size: 0.9em; margin: 0.2em 0 1.4em; }
            .fail { color: #D55E00; font-weight: 600; }
            .box { background: #f7f7f7; border: 1px solid #ddd; border-radius: 6px; padding: 4px 16px 12px; }
            .box h2 { border: none; margin-top: 0.8em; }
            dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
            dt { font-weight: 600; }
            dd { margin: 0; }
            code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.92em; word-break: break-all; }
            footer { margin-top: 2em; color: #777; font-size: 0.85em; }
            """;

    /**
     * The page.
     *
     * @param content      what the report says
     * @param manifest     the result's manifest.json (reproducibility box, parameters)
     * @param figures      drawn figures, in order; empty when skipped
     * @param figuresNote  why there are no figures (shown instead of them), or null
     * @param folderName   the result folder as the user would type it, for the redraw command
     * @param drawing      how the figures were drawn, e.g. "paper style, 900 x 600 px"
     */
    public static String html(ReportContent content, JsonNode manifest, List<DrawnFigure> figures, String figuresNote,
                              String folderName, String drawing) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.esc(content.title())).append(" - purkinje report</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<header>\n<p class=\"kind\">purkinje ").append(Html.esc(content.kind())).append(" result</p>\n")
                .append("<h1>").append(Html.esc(content.title())).append("</h1>\n</header>\n");
        h.append("<p class=\"headline\" id=\"headline\">").append(Html.keepNumbersWhole(Html.esc(content.headline())))
                .append("</p>\n");

        h.append("<section id=\"figures\">\n<h2>Figures</h2>\n");
        if (figures.isEmpty()) {
            h.append("<p class=\"note\" id=\"figures-skipped\">").append(Html.esc(figuresNote == null
                    ? "This result has no figures." : figuresNote)).append("</p>\n");
        } else {
            h.append("<p class=\"note\">").append(Html.esc("Drawn " + drawing + " from the tables of this folder; "
                    + "the same figures are in figures/.")).append("</p>\n");
        }
        for (String line : content.notDrawn()) {
            h.append("<p class=\"note\" id=\"figures-not-drawn\">").append(Html.esc(line)).append("</p>\n");
        }
        for (DrawnFigure f : figures) {
            String title = f.figure().chart().getTitle() != null ? f.figure().chart().getTitle().getText()
                    : f.figure().name();
            h.append("<figure id=\"fig-").append(Html.esc(f.figure().name())).append("\">\n")
                    .append("<img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png()))
                    .append("\" width=\"").append(f.widthPx()).append("\" height=\"").append(f.heightPx())
                    .append("\" alt=\"").append(Html.esc(title)).append("\">\n<figcaption><strong>")
                    .append(Html.esc(title)).append(".</strong> ").append(Html.esc(f.figure().caption()));
            if (!f.files().isEmpty()) {
                h.append(" <span class=\"files\">(").append(Html.esc(String.join(", ", f.files()))).append(")</span>");
            }
            h.append("</figcaption>\n</figure>\n");
        }
        h.append("</section>\n");

        h.append("<section id=\"statistics\">\n<h2>Statistics</h2>\n");
        for (TableData t : content.tables()) {
            table(h, t);
        }
        h.append("</section>\n");

        h.append("<section id=\"parameters\">\n<h2>Parameters</h2>\n");
        List<List<String>> parameters = ParameterSources.rows(manifest.get("config"), manifest.get("arguments"));
        if (manifest.path("config").isTextual()) { // a run whose cells came from no config (validate's built-in suite)
            h.append("<p class=\"note\">Parameters: ").append(Html.esc(manifest.path("config").asText()))
                    .append(".</p>\n");
        } else if (parameters.isEmpty()) {
            h.append("<p class=\"note\">The manifest of this result records no run config.</p>\n");
        } else {
            table(h, new TableData("Model and simulation parameters of this run (manifest.json, resolved config)",
                List.of("parameter", "value", "source"), parameters,
                "\"assumption\" marks values chosen without a published source; the MEIS1 effect is a parameter, "
                + "not a published constant. Details: docs/MODEL.md in the purkinje repository."));
        }
        h.append("</section>\n");

        h.append("<section id=\"reproduce\" class=\"box\">\n<h2>Reproduce</h2>\n<dl>\n");
        List<String[]> items = new ArrayList<>();
        items.add(new String[] {"command", commandLine(manifest)});
        items.add(new String[] {"seed", manifest.path("seed").asText("")});
        items.add(new String[] {"version", "purkinje " + manifest.path("version").asText("unknown") + ", Java "
                + manifest.path("java_version").asText("")});
        items.add(new String[] {"config file", manifest.path("config_file").asText("")});
        items.add(new String[] {"config SHA-256", manifest.path("config_sha256").asText("")});
        if (manifest.has("data_sha256")) { // a fit: the recording is an input as much as the config
            items.add(new String[] {"data file", manifest.path("data_file").asText("")});
            items.add(new String[] {"data SHA-256", manifest.path("data_sha256").asText("")});
        }
        if (manifest.has("sweep_sha256")) {
            items.add(new String[] {"sweep SHA-256", manifest.path("sweep_sha256").asText("")});
        }
        items.add(new String[] {"started", manifest.path("started").asText("")});
        if (manifest.has("threads")) {
            items.add(new String[] {"threads", manifest.path("threads").asText("") + " (results do not depend on it)"});
        }
        items.add(new String[] {"redraw figures", "purkinje plot " + folderName});
        for (String[] i : items) {
            if (i[1] == null || i[1].isBlank()) {
                continue;
            }
            h.append("<dt>").append(Html.esc(i[0])).append("</dt><dd><code>").append(Html.esc(i[1]))
                    .append("</code></dd>\n");
        }
        h.append("</dl>\n</section>\n");
        h.append("<footer>Written by purkinje ").append(Html.esc(manifest.path("version").asText("unknown")))
                .append(". This page is self-contained: it works offline and can be mailed as one file. The numbers "
                        + "come from the CSV and JSON files beside it.</footer>\n");
        h.append("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The command line as run: purkinje COMMAND ARGS (arguments with spaces or quotes are quoted). */
    static String commandLine(JsonNode manifest) {
        String command = manifest.path("command").asText("");
        StringBuilder b = new StringBuilder("purkinje");
        JsonNode args = manifest.path("arguments");
        // some commands record the whole command line (starting with the command), others only its options
        if (args.size() == 0 || !args.get(0).asText().equals(command)) {
            b.append(' ').append(command);
        }
        for (JsonNode a : args) {
            String s = a.asText();
            b.append(' ').append(s.isEmpty() || s.matches(".*[\\s'\"$`\\\\].*") ? "'" + s.replace("'", "'\\''") + "'"
                    : s);
        }
        return b.toString();
    }

    private static void table(StringBuilder h, TableData t) {
        h.append("<table>\n<caption>").append(Html.esc(t.caption())).append("</caption>\n<thead><tr>");
        for (String c : t.header()) {
            h.append("<th scope=\"col\">").append(Html.esc(c)).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                boolean num = cell.matches("[-+<]?\\s?[0-9][0-9.eE+-]*( ± [0-9.eE+-]+)?");
                String cls = "FAIL".equals(cell) ? " class=\"fail\"" : num ? " class=\"num\"" : "";
                h.append("<td").append(cls).append(">").append(Html.esc(cell)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (!t.note().isEmpty()) {
            h.append("<p class=\"note\">").append(Html.esc(t.note())).append("</p>\n");
        }
    }
}
