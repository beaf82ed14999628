package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerContext;
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

    private SpringSessions() {
    }

    /**
     * @return the session, recording on the context's database; closing it leaves the database to the context
     */
    public static Session open(ExtensionContext testClass, SessionSettings settings, ServerContext server) {
        ApplicationContext application;
        try {
            application = new SpringHandoff(server, settings)
                    .during(() -> SpringExtension.getApplicationContext(testClass));
        } catch (RuntimeException e) {
            if (setsPropertiesItself(testClass.getRequiredTestClass())) {
                throw new SetupException(Messages.springContextWithOwnDatabaseProperties(e.getMessage()), e);
            }
            throw e;
        }
        ContextDatabase database = application.getBean(ContextDatabase.BEAN_NAME, ContextDatabase.class);
        return Session.attach(settings, database.connectionInfo());
    }

    /** A class written for an earlier version, which pointed the application at its database itself. */
    private static boolean setsPropertiesItself(Class<?> testClass) {
        return !AnnotationSupport.findAnnotatedMethods(testClass, DynamicPropertySource.class,
                HierarchyTraversalMode.BOTTOM_UP).isEmpty();
    }
}
