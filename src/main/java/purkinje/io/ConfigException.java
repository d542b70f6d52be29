package purkinje.io;

/**
 * Bad input the user can fix: a missing or malformed file, an unknown key, a value without its
 * unit, an impossible parameter. The message is one line naming the problem and the fix; the
 * command line turns it into exit code 2.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
