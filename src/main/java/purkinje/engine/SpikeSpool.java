package purkinje.engine;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Kept spike times streamed to a temporary file instead of held in memory, so a run's memory does
 * not grow with simulated time even when every spike is kept. One spool per worker thread: a
 * worker integrates one cell at a time, so each cell's spikes form one contiguous run of doubles
 * (its offset and count are kept by its recorder) and are read back with one positional read.
 * The file is deleted when the result is closed, or at exit.
 */
final class SpikeSpool implements AutoCloseable {
    private final Path file;
    private final DataOutputStream out;
    private long written;
    private FileChannel reader;

    SpikeSpool() {
        try {
            file = Files.createTempFile("purkinje-spikes-", ".bin");
            try {
                file.toFile().deleteOnExit();
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (a run started as it was stopped): nothing would delete the file later
                Files.deleteIfExists(file);
                throw new IllegalStateException("the JVM is shutting down: no new run", shuttingDown);
            }
            out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for spike times", e);
        }
    }

    /** Index (in doubles) of the next value written. */
    long position() {
        return written;
    }

    void write(double tMs) {
        try {
            out.writeDouble(tMs);
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spike times to " + file, e);
        }
    }

    /** Ends writing; reads may follow. */
    void finish() {
        try {
            out.close();
            reader = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back spike times from " + file, e);
        }
    }

    /** {@code count} values from index {@code first}. */
    synchronized double[] read(long first, int count) {
        double[] values = new double[count];
        if (count == 0) {
            return values;
        }
        ByteBuffer buffer = ByteBuffer.allocate(count * Double.BYTES).order(ByteOrder.BIG_ENDIAN);
        try {
            long position = first * Double.BYTES;
            while (buffer.hasRemaining()) {
                int n = reader.read(buffer, position + buffer.position());
                if (n < 0) {
                    throw new IOException("spike file ended early");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back spike times from " + file, e);
        }
        buffer.flip();
        buffer.asDoubleBuffer().get(values);
        return values;
    }

    @Override
    public void close() {
        try {
            if (reader != null) {
                reader.close();
            } else {
                out.close();
            }
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed at exit
        }
    }
}
