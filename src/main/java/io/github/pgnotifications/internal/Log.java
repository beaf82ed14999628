package io.github.pgnotifications.internal;

/**
 * The library's logging. Through the user's SLF4J when the test classpath has an SLF4J provider (Logback in Spring
 * Boot, slf4j-simple, ...); otherwise through {@link System.Logger} (java.util.logging unless configured otherwise),
 * where warnings show on the console by default, as JUnit's own do, and the rest stays quiet. So a warning a user must
 * act on is never lost to SLF4J's no-operation fallback.
 *
 * <p>The user's SLF4J is reached by name ({@link UserSlf4j}): in the library's jar, {@code org.slf4j} is relocated for
 * the embedded server's own use (see {@code EmbeddedServerLogs}), so code of ours that named SLF4J's classes would
 * reach that copy instead.
 */
public final class Log {

    private static final UserSlf4j SLF4J = UserSlf4j.find(Log.class.getClassLoader());

    private final String name;
    private final Object slf4j;
    private final System.Logger fallback;

    private Log(String name) {
        this.name = name;
        this.slf4j = SLF4J != null ? SLF4J.logger(name) : null;
        this.fallback = slf4j == null ? System.getLogger(name) : null;
    }

    public static Log of(Class<?> owner) {
        return new Log(owner.getName());
    }

    /** A logger named for what it reports rather than for a class, e.g. the embedded server's own output. */
    public static Log named(String name) {
        return new Log(name);
    }

    /** Something the user must act on. */
    public void warn(String format, Object... arguments) {
        log(UserSlf4j.Level.WARN, System.Logger.Level.WARNING, format, arguments);
    }

    /** A failure the library recovered from by skipping something. */
    public void error(String format, Object... arguments) {
        log(UserSlf4j.Level.ERROR, System.Logger.Level.ERROR, format, arguments);
    }

    /** What happened, for whoever configured logging to see it; quiet without an SLF4J provider. */
    public void info(String format, Object... arguments) {
        log(UserSlf4j.Level.INFO, System.Logger.Level.DEBUG, format, arguments);
    }

    public void debug(String format, Object... arguments) {
        log(UserSlf4j.Level.DEBUG, System.Logger.Level.TRACE, format, arguments);
    }

    /**
     * Detail nobody sees unless they ask for this logger's TRACE: even an unconfigured Logback, which shows DEBUG
     * (as in a Spring Boot test before Spring has configured logging), leaves it out.
     */
    public void trace(String format, Object... arguments) {
        log(UserSlf4j.Level.TRACE, System.Logger.Level.TRACE, format, arguments);
    }

    private void log(UserSlf4j.Level level, System.Logger.Level fallbackLevel, String format, Object... arguments) {
        if (slf4j != null) {
            if (SLF4J.isEnabled(slf4j, level)) {
                SLF4J.log(slf4j, level, format(format, arguments));
            }
        } else {
            fallback.log(fallbackLevel, () -> format(format, arguments));
        }
    }

    /** SLF4J's {@code {}} placeholders, filled in order. */
    static String format(String format, Object... arguments) {
        StringBuilder text = new StringBuilder(format.length() + 32);
        int from = 0;
        int next = 0;
        for (int at = format.indexOf("{}"); at >= 0 && next < arguments.length; at = format.indexOf("{}", from)) {
            text.append(format, from, at).append(arguments[next++]);
            from = at + 2;
        }
        return text.append(format, from, format.length()).toString();
    }

    @Override
    public String toString() {
        return "Log[" + name + (slf4j != null ? ", SLF4J]" : ", System.Logger]");
    }
}
