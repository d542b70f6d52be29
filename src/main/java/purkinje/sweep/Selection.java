package purkinje.sweep;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import purkinje.io.ConfigException;

/**
 * Which points of a sweep a process runs: all, a list ({@code --points 17}, {@code 10-19},
 * {@code 1,4,10-19}), every N-th starting at K ({@code --shard K/N}), or both (the intersection).
 *
 * @param points the --points text, or null for all points
 * @param shard  shard index K (0-based), or -1 for no sharding
 * @param shards number of shards N, or 0 for no sharding
 */
public record Selection(String points, int shard, int shards) {
    public static final Selection ALL = new Selection(null, -1, 0);

    public Selection {
        if (shards != 0 && (shards < 1 || shard < 0 || shard >= shards)) {
            throw new ConfigException("--shard " + shard + "/" + shards + ": need 0 <= K < N (K counts from 0), e.g. "
                    + "--shard 0/" + Math.max(1, shards));
        }
    }

    /**
     * Parses {@code --shard K/N}; an empty K or N (or the whole value "auto") is taken from
     * SLURM_ARRAY_TASK_ID (minus SLURM_ARRAY_TASK_MIN, so arrays need not start at 0) and
     * SLURM_ARRAY_TASK_COUNT.
     */
    public static int[] parseShard(String text, Map<String, String> env) {
        String t = text == null ? "" : text.trim();
        if (t.equals("auto")) {
            t = "/";
        }
        int slash = t.indexOf('/');
        String k = slash < 0 ? t : t.substring(0, slash).trim();
        String n = slash < 0 ? "" : t.substring(slash + 1).trim();
        if (slash < 0 && !t.isEmpty()) {
            throw new ConfigException("--shard '" + text + "': write K/N, e.g. --shard 0/4 (K counts from 0)");
        }
        int kv;
        int nv;
        if (k.isEmpty()) {
            String id = env.get("SLURM_ARRAY_TASK_ID");
            if (id == null) {
                throw new ConfigException("--shard: no K given and SLURM_ARRAY_TASK_ID is not set (not in a SLURM "
                        + "array job); write --shard K/N");
            }
            // --array=0-4:2 runs IDs 0, 2, 4: the K-th task is (ID - MIN) / STEP (ID 4 read as K = 4 of 3)
            int offset = integer(id, "SLURM_ARRAY_TASK_ID") - integer(env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0"),
                    "SLURM_ARRAY_TASK_MIN");
            int step = integer(env.getOrDefault("SLURM_ARRAY_TASK_STEP", "1"), "SLURM_ARRAY_TASK_STEP");
            if (step < 1 || offset % step != 0) {
                throw new ConfigException("--shard auto: SLURM_ARRAY_TASK_ID " + id + " is not MIN + K x STEP (MIN "
                        + env.getOrDefault("SLURM_ARRAY_TASK_MIN", "0") + ", STEP " + step + "); write --shard K/N");
            }
            kv = offset / step;
        } else {
            kv = integer(k, "--shard K");
        }
        if (n.isEmpty()) {
            String count = env.get("SLURM_ARRAY_TASK_COUNT");
            if (count == null) {
                throw new ConfigException("--shard: no N given and SLURM_ARRAY_TASK_COUNT is not set (not in a SLURM "
                        + "array job); write --shard K/N");
            }
            nv = integer(count, "SLURM_ARRAY_TASK_COUNT");
        } else {
            nv = integer(n, "--shard N");
        }
        if (nv < 1) { // N = 0 would read as "not sharded" (the record's sentinel) and run every point
            throw new ConfigException("--shard " + kv + "/" + nv + ": need 0 <= K < N (K counts from 0), e.g. "
                    + "--shard 0/" + Math.max(1, nv) + (n.isEmpty() ? " (SLURM_ARRAY_TASK_COUNT is " + nv + ")" : ""));
        }
        new Selection(null, kv, nv); // validates
        return new int[] {kv, nv};
    }

    private static int integer(String s, String what) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(what + ": expected a whole number, was '" + s + "'");
        }
    }

    /** The selected point indices of a sweep of {@code size} points, ascending. */
    public List<Integer> indices(int size) {
        BitSet chosen = new BitSet(size);
        if (points == null) {
            chosen.set(0, size);
        } else {
            for (String part : points.split(",")) {
                String p = part.trim();
                String[] ends = p.split("-", -1);
                if (p.startsWith("-")) { // "-1" split into '' and '1' and was called "not a whole number, ''"
                    throw new ConfigException("--points " + p + ": point numbers count from 0 (this sweep has "
                            + size + " points, 0 to " + (size - 1) + "); write indices and ranges like 17 or 10-19");
                }
                if (p.isEmpty() || ends.length > 2) {
                    throw new ConfigException("--points '" + points + "': write indices and ranges like 17 or 10-19 "
                            + "or 1,4,10-19");
                }
                int from = integer(ends[0], "--points");
                int to = ends.length == 2 ? integer(ends[1], "--points") : from;
                if (from > to) {
                    throw new ConfigException("--points " + p + ": the range runs backwards; write " + to + "-" + from);
                }
                if (from < 0 || to >= size) {
                    throw new ConfigException("--points " + p + ": out of range; this sweep has " + size
                            + " points, numbered 0 to " + (size - 1));
                }
                chosen.set(from, to + 1);
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            if (shards == 0 || i % shards == shard) {
                out.add(i);
            }
        }
        return out;
    }

    /** For the manifest: "all", "shard 1/4", "points 10-19", or both. */
    public String describe() {
        String s = shards == 0 ? "" : "shard " + shard + "/" + shards;
        if (points != null) {
            s = (s.isEmpty() ? "" : s + ", ") + "points " + points.replace(" ", "");
        }
        return s.isEmpty() ? "all" : s;
    }
}
