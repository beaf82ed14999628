package io.github.pgnotifications.internal;

/**
 * The library's logging. Through SLF4J when the test classpath has an SLF4J provider (Logback in Spring Boot,
 * slf4j-simple, ...); otherwise through {@link System.Logger} (java.util.logging unless configured otherwise), where
 * warnings show on the console by default, as JUnit's own do, and the rest stays quiet. So a warning a user must act
 * on is never lost to SLF4J's no-operation fallback.
 */
public final class Log {

    private static final boolean SLF4J_BOUND = slf4jBound();

    private final Class<?> owner;
    private final Slf4j slf4j;
    private final System.Logger fallback;

    private Log(Class<?> owner) {
        this.owner = owner;
        this.slf4j = SLF4J_BOUND ? new Slf4j(owner) : null;
        this.fallback = SLF4J_BOUND ? null : System.getLogger(owner.getName());
    }

    public static Log of(Class<?> owner) {
        return new Log(owner);
    }

    /** Something the user must act on. */
    public void warn(String format, Object... arguments) {
        if (slf4j != null) {
            slf4j.logger.warn(format, arguments);
        } else {
            fallback.log(System.Logger.Level.WARNING, () -> format(format, arguments));
        }
    }

    /** A failure the library recovered from by skipping something. */
    public void error(String format, Object... arguments) {
        if (slf4j != null) {
            slf4j.logger.error(format, arguments);
        } else {
            fallback.log(System.Logger.Level.ERROR, () -> format(format, arguments));
        }
    }

    /** What happened, for whoever configured logging to see it; quiet without an SLF4J provider. */
    public void info(String format, Object... arguments) {
        if (slf4j != null) {
            slf4j.logger.info(format, arguments);
        } else {
            fallback.log(System.Logger.Level.DEBUG, () -> format(format, arguments));
        }
    }

    public void debug(String format, Object... arguments) {
        if (slf4j != null) {
            slf4j.logger.debug(format, arguments);
        } else {
            fallback.log(System.Logger.Level.TRACE, () -> format(format, arguments));
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

    /**
     * Whether SLF4J has a provider, found without initialising SLF4J, which would print its "no providers" notice
     * itself: a service entry (SLF4J 2) or a static binder (SLF4J 1.7).
     */
    private static boolean slf4jBound() {
        ClassLoader loader = Log.class.getClassLoader();
        try {
            Class.forName("org.slf4j.LoggerFactory", false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return System.getProperty("slf4j.provider") != null
                || loader.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") != null
                || loader.getResource("org/slf4j/impl/StaticLoggerBinder.class") != null;
    }

    @Override
    public String toString() {
        return "Log[" + owner.getName() + (slf4j != null ? ", SLF4J]" : ", System.Logger]");
    }

    /** Loaded only when SLF4J is on the classpath with a provider. */
    private static final class Slf4j {
        private final org.slf4j.Logger logger;

        Slf4j(Class<?> owner) {
            this.logger = org.slf4j.LoggerFactory.getLogger(owner);
        }
    }
}
