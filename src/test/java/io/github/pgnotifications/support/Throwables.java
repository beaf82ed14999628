package io.github.pgnotifications.support;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What a user would see of a failure in a build log. */
public final class Throwables {

    private Throwables() {
    }

    /** The failure with its causes and stack frames, as printed. */
    public static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
