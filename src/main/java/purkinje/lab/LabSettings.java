package purkinje.lab;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import purkinje.io.Quantities;

/**
 * The page's controls: MEIS1 dosage of the reduced condition, what MEIS1 acts on and how strongly
 * (its value at dosage 0, see {@link Meis1Target}), background noise sigma_v, cells per condition,
 * duration and seed. Parsed strictly from a query string: only these names, plain decimal numbers;
 * whether a value is allowed (sigma_v >= 0, dosage in [0, 1], ...) is decided by the config rules
 * when {@link LabConfig} resolves the config built from them.
 */
public record LabSettings(double dosage, Meis1Target target, double effect, double sigmaVMv, long cells,
                          double durationS, long seed) {
    /** The query parameters the lab accepts, in page order ({@code client} names the browser tab). */
    public static final List<String> PARAMETERS = List.of("dosage", "target", "effect", "sigma_v", "cells",
            "duration", "seed", "client");

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");

    /** These settings with the given query values replacing some of them. */
    public LabSettings with(Map<String, String> query) {
        query.keySet().forEach(LabSettings::checkName);
        Meis1Target t = target;
        if (query.containsKey("target")) {
            t = Meis1Target.byPageName(query.get("target")).orElseThrow(() -> new LabInputException(
                    "target: '" + query.get("target") + "' is not one of pacemaking, threshold, leak, pf-rate"));
        }
        // a new target without an effect starts from that target's own default (a factor is no shift)
        double e = query.containsKey("effect") ? decimal(query, "effect") : t == target ? effect : t.defaultEffect();
        return new LabSettings(decimal(query, "dosage", dosage), t, e, decimal(query, "sigma_v", sigmaVMv),
                whole(query, "cells", cells), decimal(query, "duration", durationS), whole(query, "seed", seed));
    }

    /** Refuses a parameter the lab does not take (one line, naming those it does). */
    static void checkName(String key) {
        if (!PARAMETERS.contains(key)) {
            throw new LabInputException("unknown parameter '" + (key.length() > 32 ? key.substring(0, 32) + "..." : key)
                    + "'; the lab takes " + String.join(", ", PARAMETERS));
        }
    }

    /** The settings as query parameters (what the page sends and the saved-config link carries). */
    public Map<String, String> toQuery() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dosage", Quantities.formatNumber(dosage));
        m.put("target", target.pageName());
        m.put("effect", Quantities.formatNumber(effect));
        m.put("sigma_v", Quantities.formatNumber(sigmaVMv));
        m.put("cells", Long.toString(cells));
        m.put("duration", Quantities.formatNumber(durationS));
        m.put("seed", Long.toString(seed));
        return m;
    }

    private static double decimal(Map<String, String> q, String key, double fallback) {
        return q.containsKey(key) ? decimal(q, key) : fallback;
    }

    private static double decimal(Map<String, String> q, String key) {
        String v = q.get(key).trim();
        if (!DECIMAL.matcher(v).matches()) {
            throw new LabInputException(key + ": expected a plain number, was '" + v + "'");
        }
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) {
            throw new LabInputException(key + ": " + v + " is too large; give a finite number");
        }
        return d;
    }

    private static long whole(Map<String, String> q, String key, long fallback) {
        if (!q.containsKey(key)) {
            return fallback;
        }
        String v = q.get(key).trim();
        if (!WHOLE.matcher(v).matches()) {
            throw new LabInputException(key + ": expected a whole number, was '" + v + "'");
        }
        return Long.parseLong(v);
    }
}
