package purkinje.engine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The xoshiro256++ generator (Blackman and Vigna 2018), output for output the same stream as
 * Commons RNG's {@code XoShiRo256PlusPlus} from the same state (a test checks it), with one
 * addition: its state is open to {@code VectorLanes}, which runs the same recurrence for
 * several cells' streams at once in the lanes of a vector and hands the state back. Samplers of
 * the library can draw from the same stream.
 */
final class BlockRandom implements UniformRandomProvider {
    // package-private: VectorLanes loads and stores the state of a lane group's streams
    long s0;
    long s1;
    long s2;
    long s3;

    /** @param state four 64-bit words, not all zero */
    BlockRandom(long[] state) {
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }

    @Override
    public long nextLong() {
        final long a = s0;
        final long result = Long.rotateLeft(a + s3, 23) + a;
        final long t = s1 << 17;
        s2 ^= a;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }
}
