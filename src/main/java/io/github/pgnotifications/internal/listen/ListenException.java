package io.github.pgnotifications.internal.listen;

/** The listener connection could not be opened, could not LISTEN, or failed. */
public final class ListenException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public ListenException(String message) {
        this(message, (String) null);
    }

    public ListenException(String message, Throwable cause) {
        super(message, cause);
        this.sqlState = null;
    }

    ListenException(String message, String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    ListenException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The server's SQLSTATE when the server answered with an error, else null. */
    public String sqlState() {
        return sqlState;
    }

    /**
     * False when the server answered with an error of its own (such as a full notification queue), true when the
     * connection itself failed or was ended by the server (SQLSTATE class 08, or 57P: terminated, shut down).
     */
    public boolean isConnectionFailure() {
        return sqlState == null || sqlState.startsWith("08") || sqlState.startsWith("57P");
    }
}
