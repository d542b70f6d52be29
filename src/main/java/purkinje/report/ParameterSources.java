package purkinje.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each parameter's default comes from (docs/MODEL.md and the shipped configs'
 * comments), keyed by its config path. The report lists every parameter of a result with its value
 * and this source; a value that differs from the default is marked as set in the run's config.
 */
final class ParameterSources {
    private ParameterSources() {
    }

    /** Default value and its source. */
    record Source(String defaultValue, String source) {
    }

    private static final String GEMINIANI = "mouse Purkinje cell E-GLIF (Geminiani et al. 2019, Front Comput "
            + "Neurosci 13:35)";

    static final Map<String, Source> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("cell.C_m", new Source("20 pF", "assumption: the mouse value (Geminiani et al. 2019) scaled to a "
                + "small larval cell"));
        SOURCES.put("cell.tau_m", new Source("47 ms", GEMINIANI));
        SOURCES.put("cell.E_L", new Source("-59 mV", GEMINIANI));
        SOURCES.put("cell.V_th", new Source("-43 mV", GEMINIANI));
        SOURCES.put("cell.V_reset", new Source("-69 mV", GEMINIANI));
        SOURCES.put("cell.t_ref", new Source("1 ms", "assumption"));
        SOURCES.put("cell.I_pace", new Source("10.3 pA", "chosen so that wild type fires about 15 Hz with the default "
                + "noise (larval Purkinje cells fire about 10-20 Hz; unverified)"));
        SOURCES.put("noise.sigma_v", new Source("2 mV", "assumption: standard deviation of the free membrane "
                + "potential"));
        SOURCES.put("noise.tau", new Source("0 ms", "assumption: white noise, so the closed-form (Siegert) theory "
                + "applies exactly"));
        SOURCES.put("heterogeneity.I_pace", new Source("0.1", "assumption: recorded cells differ (coefficient of "
                + "variation of a lognormal factor with mean 1)"));
        SOURCES.put("meis1.I_pace", new Source("0.6", "assumption: relative I_pace at MEIS1 dosage 0 (the published "
                + "effect size was not available); p(d) = p_WT (f0 + d (1 - f0))"));
        SOURCES.put("duration", new Source(null, "simulation setting"));
        SOURCES.put("dt", new Source(null, "simulation setting (exact integrator with a Brownian-bridge threshold test: rates -0.06 % at 0.1 ms, -0.16 % at 0.5 ms)"));
        SOURCES.put("cells_per_condition", new Source(null, "simulation setting (assumption: a typical recording "
                + "sample size)"));
        SOURCES.put("seed", new Source(null, "simulation setting: same seed and config give identical results"));
    }

    /** The command-line options that override a config key (RunOverrides, --seed). */
    private static final Map<String, String> OPTIONS = Map.of("duration", "--duration", "cells_per_condition",
            "--cells", "seed", "--seed");

    /** Rows (parameter, value, source) for the resolved config of a manifest. */
    static List<List<String>> rows(JsonNode config) {
        return rows(config, null);
    }

    /**
     * Rows (parameter, value, source) for the resolved config of a manifest and the run's command
     * line ({@code arguments}): a value given by an option is said to come from it (the config's
     * comment on its own value, e.g. "a typical recording sample size" for 40 cells, would be wrong).
     */
    static List<List<String>> rows(JsonNode config, JsonNode arguments) {
        List<List<String>> rows = new ArrayList<>();
        if (config == null || !config.isObject()) {
            return rows;
        }
        List<String> args = new ArrayList<>();
        if (arguments != null) {
            arguments.forEach(a -> args.add(a.asText()));
        }
        for (String key : List.of("duration", "dt", "cells_per_condition", "seed")) {
            if (config.has(key)) {
                String option = OPTIONS.get(key);
                boolean given = option != null && args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
                rows.add(given ? List.of(key, config.get(key).asText(), "set on the command line (" + option + ")")
                        : row(key, config.get(key).asText()));
            }
        }
        for (String block : List.of("cell", "noise", "heterogeneity", "meis1")) {
            JsonNode b = config.path(block);
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                rows.add(row(block + "." + e.getKey(), e.getValue().asText()));
            }
        }
        for (JsonNode c : config.path("conditions")) {
            rows.add(List.of("condition " + c.path("name").asText(), "MEIS1 dosage " + c.path("meis1_dosage").asText(),
                    "dosage 1 = wild type, 0.5 = heterozygous, 0 = null (the run's config)"));
        }
        return rows;
    }

    private static List<String> row(String key, String value) {
        Source s = SOURCES.get(key);
        String source;
        if (s == null) {
            source = key.startsWith("heterogeneity.") || key.startsWith("meis1.")
                    ? "assumption set in the run's config (no default): " + meaning(key, value) : "set in the run's config";
        } else if (s.defaultValue() == null || same(s.defaultValue(), value)) {
            source = s.source();
        } else {
            source = "set in the run's config (default " + s.defaultValue() + ": " + s.source() + ")";
        }
        return List.of(key, value, source);
    }

    /** What a meis1 or heterogeneity value means: potentials take mV (a shift, an SD), the rest factors or CVs. */
    private static String meaning(String key, String value) {
        boolean mv = value.endsWith(" mV");
        if (key.startsWith("meis1.")) {
            return mv ? "shift at MEIS1 dosage 0, V(d) = V_WT + (1 - d) shift" : "factor at MEIS1 dosage 0, "
                    + "p(d) = p_WT (f0 + d (1 - f0))";
        }
        return mv ? "standard deviation between cells (normal)" : "coefficient of variation between cells "
                + "(lognormal factor, mean 1)";
    }

    /** Equal as text, or as numbers ("0.1" vs "0.10", "1.0" vs "1"). */
    private static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String[] pa = a.split(" ", 2);
        String[] pb = b.split(" ", 2);
        try {
            return Double.parseDouble(pa[0]) == Double.parseDouble(pb[0])
                    && (pa.length > 1 ? pa[1] : "").equals(pb.length > 1 ? pb[1] : "");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
