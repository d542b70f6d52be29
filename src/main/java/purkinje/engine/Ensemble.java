package purkinje.engine;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import purkinje.model.CellParameter;
import purkinje.model.CellParameters;
import purkinje.model.Heterogeneity;
import purkinje.model.Inputs;
import purkinje.model.NoiseParameters;

/**
 * The cells to simulate, laid out as a structure of arrays: one {@code double[]} per parameter,
 * one entry per cell. Every command builds one of these (conditions, heterogeneous populations
 * and sweep points are all just cells with their own values) and hands it to
 * {@link EnsembleSimulator}.
 *
 * <p>Cells are grouped in populations (a condition, or a condition at one sweep point). Each
 * population has its own seed; each cell draws from streams keyed by that seed and its index in
 * the population ({@link RandomStreams}).
 */
public final class Ensemble {
    final double[][] parameters; // [CellParameter.ordinal()][cell]
    final double[] noiseSigmaVMv;
    final double[] noiseTauMs;
    final long[] populationSeed;
    final int[] population;
    final int[] cellInPopulation;
    /** Synaptic inputs per cell (shared per population); null entries for cells without inputs. */
    final Inputs[] inputs;
    private final List<Population> populations;

    /** One group of cells: its index, its seed, and the range of cells it occupies. */
    public record Population(int index, long seed, int firstCell, int cellCount) {
    }

    private Ensemble(Builder b) {
        int n = b.size;
        parameters = new double[CellParameter.values().length][];
        for (int p = 0; p < parameters.length; p++) {
            parameters[p] = java.util.Arrays.copyOf(b.parameters[p], n);
        }
        noiseSigmaVMv = java.util.Arrays.copyOf(b.sigma, n);
        noiseTauMs = java.util.Arrays.copyOf(b.tau, n);
        populationSeed = java.util.Arrays.copyOf(b.popSeed, n);
        population = java.util.Arrays.copyOf(b.pop, n);
        cellInPopulation = java.util.Arrays.copyOf(b.cellInPop, n);
        inputs = java.util.Arrays.copyOf(b.inputs, n);
        populations = List.copyOf(b.populations);
    }

    public int size() {
        return population.length;
    }

    public List<Population> populations() {
        return populations;
    }

    /** Parameter value of one cell after heterogeneity, in the unit of {@link CellParameter#unit()}. */
    public double parameter(CellParameter p, int cell) {
        return parameters[p.ordinal()][cell];
    }

    public CellParameters cell(int cell) {
        double[] v = new double[parameters.length];
        for (int p = 0; p < v.length; p++) {
            v[p] = parameters[p][cell];
        }
        return CellParameters.fromArray(v);
    }

    public NoiseParameters noise(int cell) {
        return new NoiseParameters(noiseSigmaVMv[cell], noiseTauMs[cell]);
    }

    /** The synaptic inputs of a cell ({@link Inputs#NONE} if it has none). */
    public Inputs inputs(int cell) {
        return inputs[cell] == null ? Inputs.NONE : inputs[cell];
    }

    /** True when any cell has a climbing fibre (complex spikes to record). */
    public boolean anyClimbingFibre() {
        for (Inputs in : inputs) {
            if (in != null && in.hasClimbingFibre()) {
                return true;
            }
        }
        return false;
    }

    public int populationOf(int cell) {
        return population[cell];
    }

    public int indexInPopulation(int cell) {
        return cellInPopulation[cell];
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Adds populations of cells; heterogeneity draws come from each cell's own stream. */
    public static final class Builder {
        private double[][] parameters = new double[CellParameter.values().length][16];
        private double[] sigma = new double[16];
        private double[] tau = new double[16];
        private long[] popSeed = new long[16];
        private int[] pop = new int[16];
        private int[] cellInPop = new int[16];
        private Inputs[] inputs = new Inputs[16];
        private int size;
        private final List<Population> populations = new ArrayList<>();

        /**
         * Adds {@code cells} cells of one population.
         *
         * @param seed          the population's seed (e.g. derived from the master seed and condition)
         * @param cellParameters parameters before cell-to-cell variability
         * @return the index of the new population
         */
        public int addPopulation(long seed, CellParameters cellParameters, NoiseParameters noise,
                                 Heterogeneity heterogeneity, int cells) {
            return addPopulation(seed, cellParameters, noise, heterogeneity, cells, 0);
        }

        /**
         * As {@link #addPopulation(long, CellParameters, NoiseParameters, Heterogeneity, int)}, with a
         * current injected into every cell on top of its (possibly varied) I_pace, as an
         * experimenter's electrode would: variability scales the cell's own drive, not the electrode's.
         */
        public int addPopulation(long seed, CellParameters cellParameters, NoiseParameters noise,
                                 Heterogeneity heterogeneity, int cells, double injectedCurrentPa) {
            return addPopulation(seed, cellParameters, noise, heterogeneity, cells, injectedCurrentPa, Inputs.NONE);
        }

        /** As above, with synaptic inputs (parallel fibres, interneurons, climbing fibre). */
        public int addPopulation(long seed, CellParameters cellParameters, NoiseParameters noise,
                                 Heterogeneity heterogeneity, int cells, double injectedCurrentPa, Inputs synapticInputs) {
            Inputs cellInputs = synapticInputs != null && synapticInputs.any() ? synapticInputs : null;
            int index = populations.size();
            populations.add(new Population(index, seed, size, cells));
            for (int i = 0; i < cells; i++) {
                CellParameters p = cellParameters;
                if (!heterogeneity.isNone()) {
                    UniformRandomProvider rng = RandomStreams.forCell(seed, i, RandomStreams.Purpose.HETEROGENEITY);
                    var normal = ZigguratSampler.NormalizedGaussian.of(rng);
                    p = heterogeneity.apply(cellParameters, normal::sample);
                }
                if (injectedCurrentPa != 0) {
                    p = p.with(CellParameter.I_PACE, p.iPacePa() + injectedCurrentPa);
                }
                add(index, seed, i, p, noise, cellInputs);
            }
            return index;
        }

        private void add(int populationIndex, long seed, int cellIndex, CellParameters p, NoiseParameters noise,
                         Inputs cellInputs) {
            if (size == pop.length) {
                grow();
            }
            double[] v = p.toArray();
            for (int k = 0; k < v.length; k++) {
                parameters[k][size] = v[k];
            }
            sigma[size] = noise.sigmaVMv();
            tau[size] = noise.tauMs();
            popSeed[size] = seed;
            pop[size] = populationIndex;
            cellInPop[size] = cellIndex;
            inputs[size] = cellInputs;
            size++;
        }

        private void grow() {
            int n = pop.length * 2;
            for (int k = 0; k < parameters.length; k++) {
                parameters[k] = java.util.Arrays.copyOf(parameters[k], n);
            }
            sigma = java.util.Arrays.copyOf(sigma, n);
            tau = java.util.Arrays.copyOf(tau, n);
            popSeed = java.util.Arrays.copyOf(popSeed, n);
            pop = java.util.Arrays.copyOf(pop, n);
            cellInPop = java.util.Arrays.copyOf(cellInPop, n);
            inputs = java.util.Arrays.copyOf(inputs, n);
        }

        /** Convenience for a single population: adds it and builds. */
        public Ensemble addPopulationReturning(long seed, CellParameters cellParameters, NoiseParameters noise,
                                               Heterogeneity heterogeneity, int cells) {
            addPopulation(seed, cellParameters, noise, heterogeneity, cells);
            return build();
        }

        public Ensemble build() {
            return new Ensemble(this);
        }
    }
}
