package purkinje.lab;

/** A request the lab refuses: the message is one line naming the problem and the fix, shown in the page. */
public final class LabInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LabInputException(String message) {
        super(message);
    }
}
