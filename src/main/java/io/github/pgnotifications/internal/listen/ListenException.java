package io.github.pgnotifications.internal.listen;

/** The listener connection could not be opened, could not LISTEN, or failed. */
public final class ListenException extends Exception {

    private static final long serialVersionUID = 1L;

    public ListenException(String message) {
        super(message);
    }

    public ListenException(String message, Throwable cause) {
        super(message, cause);
    }
}
