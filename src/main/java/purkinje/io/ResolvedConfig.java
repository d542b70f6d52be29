package purkinje.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import purkinje.model.CellParameter;
import purkinje.model.Condition;
import purkinje.model.RunConfig;
import purkinje.model.Unit;

/**
 * A run config written back out in the config's own schema with units, defaults included: what
 * the manifest records, and a valid config file in its own right.
 */
public final class ResolvedConfig {
    private ResolvedConfig() {
    }

    public static Map<String, Object> toMap(RunConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("seed", c.seed());
        m.put("duration", Quantities.format(c.durationMs() / 1000, Unit.SECOND));
        m.put("dt", Quantities.format(c.dtMs(), Unit.MILLISECOND));
        m.put("cells_per_condition", c.cellsPerCondition());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("spikes", c.record().spikes());
        record.put("voltage_cells", c.record().voltageCells());
        m.put("record", record);
        Map<String, Object> cell = new LinkedHashMap<>();
        for (CellParameter p : CellParameter.values()) {
            cell.put(p.configName(), Quantities.format(c.cell().get(p), p.unit()));
        }
        m.put("cell", cell);
        Map<String, Object> noise = new LinkedHashMap<>();
        noise.put("sigma_v", Quantities.format(c.noise().sigmaVMv(), Unit.MILLIVOLT));
        noise.put("tau", Quantities.format(c.noise().tauMs(), Unit.MILLISECOND));
        m.put("noise", noise);
        m.put("heterogeneity", byName(c.heterogeneity().spread()));
        m.put("meis1", mapping(c.meis1()));
        List<Object> conditions = new ArrayList<>();
        for (Condition k : c.conditions()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", k.name());
            one.put("meis1_dosage", k.meis1Dosage());
            if (k.meis1() != null) {
                one.put("meis1", mapping(k.meis1()));
            }
            conditions.add(one);
        }
        m.put("conditions", conditions);
        if (c.inputs().any() || c.inputs().parallelFibres() != null || c.inputs().interneurons() != null
                || c.inputs().climbingFibre() != null) {
            m.put("inputs", inputs(c.inputs()));
        }
        return m;
    }

    private static Map<String, Object> mapping(purkinje.model.Meis1Mapping mapping) {
        Map<CellParameter, Double> cells = new java.util.EnumMap<>(CellParameter.class);
        cells.putAll(mapping.relativeAtNull());
        cells.putAll(mapping.shiftAtNullMv());
        Map<String, Object> m = byName(cells);
        mapping.inputsRelativeAtNull().forEach((p, v) -> m.put(p.configPath(), v));
        mapping.inputShiftsAtNullMv().forEach((p, v) -> m.put(p.configPath(), Quantities.format(v, Unit.MILLIVOLT)));
        return m;
    }

    private static Map<String, Object> inputs(purkinje.model.Inputs in) {
        Map<String, Object> m = new LinkedHashMap<>();
        poisson(m, "parallel_fibres", in.parallelFibres());
        poisson(m, "interneurons", in.interneurons());
        purkinje.model.ClimbingFibre cf = in.climbingFibre();
        if (cf != null) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("rate", Quantities.format(cf.rateHz(), Unit.HERTZ));
            b.put("pause", Quantities.format(cf.pauseMs(), Unit.MILLISECOND));
            if (!Double.isNaN(cf.pausePotentialMv())) {
                b.put("pause_potential", Quantities.format(cf.pausePotentialMv(), Unit.MILLIVOLT));
            }
            m.put("climbing_fibre", b);
        }
        return m;
    }

    private static void poisson(Map<String, Object> m, String key, purkinje.model.PoissonInput p) {
        if (p == null) {
            return;
        }
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("rate", Quantities.format(p.ratePerSynapseHz(), Unit.HERTZ));
        b.put("synapses", p.synapses());
        b.put("weight", Quantities.format(p.weightPa(), Unit.PICOAMPERE));
        b.put("tau_syn", Quantities.format(p.tauSynMs(), Unit.MILLISECOND));
        m.put(key, b);
    }

    /** A table as the config writes it: potentials in mV (a shift, an SD), other entries bare numbers. */
    private static Map<String, Object> byName(Map<CellParameter, Double> values) {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((p, v) -> m.put(p.configName(), p.isPotential() ? Quantities.format(v, Unit.MILLIVOLT) : v));
        return m;
    }
}
