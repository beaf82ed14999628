package io.github.pgnotifications.internal.listen;

import io.vertx.pgclient.PgException;

/** The listener connection could not be opened, could not LISTEN, or failed. */
public final class ListenException extends Exception {

    private static final long serialVersionUID = 1L;

    public ListenException(String message) {
        super(message);
    }

    public ListenException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * False when the server answered with an error of its own (such as a full notification queue), true when the
     * connection itself failed or was ended by the server (SQLSTATE class 08, or 57P: terminated, shut down).
     */
    public boolean isConnectionFailure() {
        if (getCause() instanceof PgException server) {
            String state = server.getSqlState();
            return state != null && (state.startsWith("08") || state.startsWith("57P"));
        }
        return true;
    }
}
