package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.contracts.Contracts;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerContext;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The JUnit extension's way into Spring, for a test class that Spring's extension runs: asks Spring for the class's
 * application context (built, or taken from Spring's cache) with the run's server handed over, and records on the
 * database that context uses. Loaded only when Spring runs the class.
 */
public final class SpringSessions {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            SpringSessions.class);

    private SpringSessions() {
    }

    /**
     * @param contracts the run's contracts folder, checked on the context's database; null when contracts are off
     * @return the session, recording on the context's database; closing it leaves the database to the context
     */
    public static Session open(ExtensionContext testClass, SessionSettings settings, ServerContext server,
                               Contracts contracts) {
        ApplicationContext application;
        try {
            application = new SpringHandoff(server, settings)
                    .during(() -> SpringExtension.getApplicationContext(testClass));
        } catch (RuntimeException e) {
            ExtensionContext.Store failures = testClass.getRoot().getStore(NAMESPACE);
            SetupException ours = setupFailure(e);
            if (ours != null) {
                failures.put(List.of(SetupException.class, settings), ours.getMessage());
                // The cause first: Spring's "Failed to load ApplicationContext for [...]" stays below, as the cause.
                throw new SetupException(ours.getMessage(), e);
            }
            String earlier = failures.get(List.of(SetupException.class, settings), String.class);
            if (earlier != null && skippedAfterEarlierFailure(e)) {
                throw new SetupException(earlier, e);
            }
            if (setsPropertiesItself(testClass.getRequiredTestClass())) {
                throw new SetupException(Messages.springContextWithOwnDatabaseProperties(e.getMessage()), e);
            }
            throw e;
        }
        ContextDatabase database = application.getBean(ContextDatabase.BEAN_NAME, ContextDatabase.class);
        testClass.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(database.name(),
                key -> new ContextClosedAtRunEnd(database.configuration()), ContextClosedAtRunEnd.class);
        return Session.attach(settings, database.connectionInfo(), contracts);
    }

    /** The library's own setup failure among the causes of Spring's, if it is one. */
    private static SetupException setupFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SetupException setup) {
                return setup;
            }
        }
        return null;
    }

    /**
     * Spring's answer for a context that failed to load before (Spring 6.1 on): it does not try again, and says only
     * that, so the reason is the one recorded when it failed for a class with the same settings.
     */
    private static boolean skippedAfterEarlierFailure(RuntimeException failure) {
        return String.valueOf(failure.getMessage()).contains("failure threshold");
    }

    /** A class written for an earlier version, which pointed the application at its database itself. */
    private static boolean setsPropertiesItself(Class<?> testClass) {
        return !AnnotationSupport.findAnnotatedMethods(testClass, DynamicPropertySource.class,
                HierarchyTraversalMode.BOTTOM_UP).isEmpty();
    }
}
