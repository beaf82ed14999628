package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Log;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** One of zonky's loggers, as {@link EmbeddedServerLogs} hands them out: every line to one library logger. */
final class EmbeddedServerLogger extends LegacyAbstractLogger {

    private static final long serialVersionUID = 1L;

    private final transient Log log;

    EmbeddedServerLogger(String name, String to) {
        this.name = name;
        this.log = Log.named(to);
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        String line = MessageFormatter.basicArrayFormat(pattern, arguments)
                + (throwable == null ? "" : " (" + throwable + ")");
        switch (level) {
            case ERROR -> log.error("{}", line);
            case WARN -> log.warn("{}", line);
            default -> log.trace("{}", line);
        }
    }
}
