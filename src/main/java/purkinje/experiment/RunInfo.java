package purkinje.experiment;

import java.time.Instant;
import java.util.List;

/**
 * How a run was started, for its manifest: the exact command line, the config file's text hash,
 * the start time.
 */
public record RunInfo(String command, List<String> arguments, String configSource, String configSha256,
                      Instant started) {
    public RunInfo {
        arguments = List.copyOf(arguments);
    }

    /** SHA-256 of a config text, hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** SHA-256 of bytes, in hex (a data file as it is on disk). */
    public static String sha256(byte[] bytes) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
