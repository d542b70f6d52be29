package purkinje.model;

/** A physically impossible or unsupported parameter value; the message says which and why. */
public class InvalidParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidParameterException(String message) {
        super(message);
    }
}
