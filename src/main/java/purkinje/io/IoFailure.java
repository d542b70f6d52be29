package purkinje.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/** Why a file operation failed, in words a message can end with (one rule for every such message). */
public final class IoFailure {
    private IoFailure() {
    }

    /**
     * The reason of {@code e}: "permission denied" (an AccessDeniedException's own message is only
     * the path), else the file system's reason ("No space left on device"), else the message, else
     * the exception's type.
     */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
