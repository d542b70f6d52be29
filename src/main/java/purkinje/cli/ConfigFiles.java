package purkinje.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import purkinje.io.ConfigException;
import purkinje.io.ConfigLoader;
import purkinje.io.ConfigSchema;

/**
 * Finds config files: a path the user gave is read as is; a shipped default
 * ({@code configs/compare.yaml}) is read from the working folder if present there, else from the
 * copy bundled in the jar, so the tool works from any folder.
 */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** The config the user gave, or the shipped default; notes on it (a meis1 block without I_pace) go to stderr. */
    static ConfigLoader.Loaded load(Path given, String shippedDefault, Map<String, ConfigSchema.Field> extra) {
        return noted(find(given, shippedDefault, extra));
    }

    /** Prints the config's note, if any, as a warning (a block that means more than it says). */
    static ConfigLoader.Loaded noted(ConfigLoader.Loaded loaded) {
        String note = ConfigLoader.defaultPacemakingNote(loaded);
        if (note != null) {
            System.err.println("purkinje: warning: " + note);
        }
        return loaded;
    }

    private static ConfigLoader.Loaded find(Path given, String shippedDefault, Map<String, ConfigSchema.Field> extra) {
        if (given != null) {
            return ConfigLoader.load(given, extra);
        }
        Path local = Path.of("configs", shippedDefault);
        if (Files.isRegularFile(local)) {
            return ConfigLoader.load(local, extra);
        }
        try (InputStream in = ConfigFiles.class.getResourceAsStream("/configs/" + shippedDefault)) {
            if (in == null) {
                throw new ConfigException("shipped config configs/" + shippedDefault + " not found; give --config FILE");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String name = shippedDefault.replaceFirst("\\.ya?ml$", "");
            return ConfigLoader.parse(text, "configs/" + shippedDefault + " (bundled)", name, extra);
        } catch (IOException e) {
            throw new ConfigException("cannot read bundled config " + shippedDefault + ": " + e.getMessage());
        }
    }
}
