package purkinje.engine;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent random streams derived from one master seed. Streams belong to cells, never to
 * threads, so a run gives bit-identical results whatever the number of threads, and a cell keeps
 * its stream when other cells are added to or removed from the run.
 *
 * <p>A stream is keyed by (population seed, cell index, purpose). Keys are hashed with the
 * SplitMix64 finaliser (Steele, Lea and Flood 2014), which also expands the key into the 256-bit
 * state of a xoshiro256++ generator (Blackman and Vigna 2018).
 */
public final class RandomStreams {
    /** What a stream is used for; separate purposes keep, e.g., noise unchanged when heterogeneity changes. */
    public enum Purpose {
        /** Cell-to-cell parameter variability. */
        HETEROGENEITY,
        /** Initial state and membrane noise. */
        DYNAMICS,
        /** Crossing times inside a step of Brownian-bridge crossings ({@link BridgeCrossing}). */
        SPIKE_TIME,
        /** The Ornstein-Uhlenbeck noise current (its first normal of every step). */
        NOISE_CURRENT,
        /** Event counts of the excitatory input (parallel fibres). */
        EXCITATORY,
        /** Event counts of the inhibitory input (interneurons). */
        INHIBITORY,
        /** Climbing-fibre event times. */
        CLIMBING_FIBRE
    }

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomStreams() {
    }

    /** SplitMix64 finaliser: a bijective avalanche of 64 bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A child seed of {@code parent} for the index {@code child}, e.g. a condition or a sweep point. */
    public static long derive(long parent, long child) {
        return mix(mix(parent) + GOLDEN_GAMMA * (child + 1));
    }

    /** The stream of one cell of a population for one purpose. */
    public static UniformRandomProvider forCell(long populationSeed, int cell, Purpose purpose) {
        return new XoShiRo256PlusPlus(state(populationSeed, cell, purpose));
    }

    /**
     * The same stream as {@link #forCell}, from a generator that can also fill blocks quickly
     * (for the engine's inner loops).
     */
    static BlockRandom blockForCell(long populationSeed, int cell, Purpose purpose) {
        return new BlockRandom(state(populationSeed, cell, purpose));
    }

    private static long[] state(long populationSeed, int cell, Purpose purpose) {
        long key = derive(derive(populationSeed, cell), purpose.ordinal());
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            key += GOLDEN_GAMMA;
            state[i] = mix(key);
        }
        return state;
    }
}
