package purkinje.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A hypothesis about what MEIS1 changes: none, one or two {@link Effect}s that differ in the
 * mutant; everything else (base cell, noise, inputs, the drive's level and cell-to-cell spread)
 * is shared with the reference.
 */
public record Hypothesis(List<Effect> effects) {
    public Hypothesis {
        effects = List.copyOf(effects);
    }

    /** Name in outputs: "no change", "V_th", "I_pace+V_th", ... */
    public String name() {
        return effects.isEmpty() ? "no change" : effects.stream().map(Effect::parameter)
                .collect(Collectors.joining("+"));
    }

    /** Plain words, e.g. "spike threshold and pacemaking current". */
    public String description() {
        return effects.isEmpty() ? "the mutant differs in nothing" : effects.stream().map(Effect::description)
                .collect(Collectors.joining(" and "));
    }

    /**
     * Every hypothesis the fit compares: no change, each single effect and each pair, in that
     * order; the parallel-fibre rate only when the base config has parallel fibres.
     */
    public static List<Hypothesis> all(boolean parallelFibres) {
        List<Effect> singles = new ArrayList<>(List.of(Effect.I_PACE, Effect.V_TH, Effect.G_L));
        if (parallelFibres) {
            singles.add(Effect.PF_RATE);
        }
        List<Hypothesis> out = new ArrayList<>();
        out.add(new Hypothesis(List.of()));
        singles.forEach(e -> out.add(new Hypothesis(List.of(e))));
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                out.add(new Hypothesis(List.of(singles.get(i), singles.get(j))));
            }
        }
        return out;
    }
}
