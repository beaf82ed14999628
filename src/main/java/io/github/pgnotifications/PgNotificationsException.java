package io.github.pgnotifications;

/**
 * The recorder or its database failed, rather than the test's expectation: the listener lost its connection during
 * a wait or an absence check, {@link NotificationRecorder#sync()} could not complete, a wait was interrupted (the
 * thread's interrupt flag is set again), a {@link PgNotificationsSession} could not be set up, or
 * {@code payloadAs} found no Jackson on the test classpath. The message says
 * what happened and what to do; the cause, when there is one, is attached.
 *
 * <p>A wait that times out is not this: it is an {@code org.opentest4j.AssertionFailedError}, a test failure.
 */
public final class PgNotificationsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     */
    public PgNotificationsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what happened and what to do
     * @param cause   the underlying failure
     */
    public PgNotificationsException(String message, Throwable cause) {
        super(message, cause);
    }
}
