package io.github.pgnotifications.internal.diagnostics;

/**
 * Attached to a test's failure (as a suppressed exception) when the failure is not the recorder's own: what arrived
 * on each channel during the test, so that it shows wherever the failure does. Carries no stack trace of its own.
 */
public final class RecordedNotifications extends Exception {

    private static final long serialVersionUID = 1L;

    public RecordedNotifications(String message) {
        super(message, null, false, false);
    }
}
