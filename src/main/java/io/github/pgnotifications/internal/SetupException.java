package io.github.pgnotifications.internal;

/** A configuration or setup problem the user must fix; its message says what was wrong and what to do. */
public final class SetupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SetupException(String message) {
        super(message);
    }

    public SetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
