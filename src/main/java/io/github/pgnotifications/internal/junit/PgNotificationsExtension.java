package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.contracts.ContractSettings;
import io.github.pgnotifications.internal.contracts.Contracts;
import io.github.pgnotifications.internal.core.AnnotationSettings;
import io.github.pgnotifications.internal.core.AnnotationValues;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.diagnostics.RecordedNotifications;
import io.github.pgnotifications.internal.diagnostics.StackTraces;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.quarkus.QuarkusSessions;
import io.github.pgnotifications.internal.spring.SpringSessions;
import io.github.pgnotifications.internal.provision.Servers;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The JUnit adapter: reads the configuration, asks the core for a {@link Session} per annotated class (kept in that
 * class's store, so JUnit closes it after the class), resets the recorder before each test and resolves parameters.
 * Holds no state of its own.
 */
public class PgNotificationsExtension implements BeforeAllCallback, BeforeEachCallback,
        BeforeTestExecutionCallback, AfterEachCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final Namespace NAMESPACE = Namespace.create(PgNotificationsExtension.class);

    private final Function<Class<?>, Optional<AnnotationValues>> annotations;

    /** @param annotations a class's {@code @PgNotifications}, read by the API package, which knows its type */
    protected PgNotificationsExtension(Function<Class<?>, Optional<AnnotationValues>> annotations) {
        this.annotations = annotations;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(JUnitVersion.class, key -> {
            JUnitVersion.check();
            return Boolean.TRUE;
        });
        if (!runsWithQuarkus(context)) {
            stored(context);
            return;
        }
        // Quarkus starts the application in its own beforeAll, which may come after this one: the session opens
        // on first use, when the application runs and has built its schema. The class's settings are checked now.
        ExtensionContext owner = annotatedClassContext(context);
        AnnotationValues annotation = annotations.apply(owner.getRequiredTestClass()).orElseThrow();
        try {
            QuarkusSessions.rejectOwnSchema(AnnotationSettings.of(annotation, owner::getConfigurationParameter));
            QuarkusSessions.rejectOwnServer(annotation.server());
        } catch (SetupException e) {
            throw StackTraces.withoutOurs(new ExtensionConfigurationException(
                    Messages.inClass(owner.getRequiredTestClass(), e.getMessage())));
        }
    }

    private boolean runsWithQuarkus(ExtensionContext context) {
        return QuarkusTests.runsWithQuarkus(annotatedClassContext(context).getRequiredTestClass());
    }

    /**
     * Takes the class's lock where JUnit cannot (before 5.12), then forgets what arrived before, so that the
     * {@code @BeforeEach} methods start from a clean recording too.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        StoredSession stored = stored(context);
        stored.takeTurn();
        stored.session().recorder().reset();
    }

    /** What a test sees starts here: writes of its {@code @BeforeEach} methods are not counted. */
    @Override
    public void beforeTestExecution(ExtensionContext context) {
        stored(context).session().recorder().reset();
    }

    /** Checks the test's payloads against their contracts (when contracts are on), then lets the next test go. */
    @Override
    public void afterEach(ExtensionContext context) {
        StoredSession stored = stored(context);
        try {
            stored.session().checkContracts(context.getExecutionException().isPresent());
        } finally {
            stored.endTurn();
        }
    }

    /**
     * A test that failed some other way than by one of the recorder's own checks gets what arrived during it attached,
     * as a suppressed exception, so that the failure report shows it.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        try {
            stored(context).session().recordedDuringTest(failure)
                    .ifPresent(recorded -> failure.addSuppressed(new RecordedNotifications(recorded)));
        } catch (RuntimeException e) {
            // The test's own failure is what matters; the recording is a courtesy.
        }
        throw failure;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean ours = type == NotificationRecorder.class || type == DataSource.class || type == ConnectionInfo.class;
        if (ours && parameter.getDeclaringExecutable() instanceof Constructor<?> && runsWithQuarkus(context)) {
            // Quarkus claims every constructor parameter of its test classes.
            throw StackTraces.withoutOurs(new ParameterResolutionException(Messages.inClass(
                    context.getRequiredTestClass(), Messages.quarkusConstructorParameter(type.getSimpleName()))));
        }
        return ours;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Session session;
        try {
            session = stored(context).session();
        } catch (ExtensionConfigurationException e) {
            throw StackTraces.withoutOurs(new ParameterResolutionException(e.getMessage(), e.getCause()));
        }
        if (type == NotificationRecorder.class) {
            return session.recorder();
        }
        return type == DataSource.class ? session.dataSource() : session.connectionInfo();
    }

    /** The session of the nearest enclosing class that carries {@code @PgNotifications}, opened on first use. */
    private StoredSession stored(ExtensionContext context) {
        ExtensionContext owner = annotatedClassContext(context);
        AnnotationValues annotation = annotations.apply(owner.getRequiredTestClass()).orElseThrow();
        // Keyed by the class: stores are hierarchical, so a nested class with an annotation of its own must not find
        // its enclosing class's session under the same key.
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(owner.getRequiredTestClass(),
                key -> stored(owner, annotation), StoredSession.class);
    }

    private ExtensionContext annotatedClassContext(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext candidate = c.get();
            boolean classLevel = candidate.getTestMethod().isEmpty() && candidate.getTestClass().isPresent();
            if (classLevel && annotations.apply(candidate.getRequiredTestClass()).isPresent()) {
                return candidate;
            }
        }
        throw StackTraces.withoutOurs(new ExtensionConfigurationException(Messages.notAnnotated(
                context.getDisplayName())));
    }

    /** The server chosen by configuration, one per run, kept in the root store so that JUnit closes it at the end. */
    private static ServerContext configuredServer(ExtensionContext owner) {
        return owner.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ServerContext.class,
                key -> new StoredServer(Servers.obtain(ServerSettings.read(owner::getConfigurationParameter), true)),
                StoredServer.class).context();
    }

    /** A contracts folder's coordinator, one per folder and run, closed (writing the files) when the run ends. */
    private static Contracts runContracts(ExtensionContext owner, ContractSettings settings) {
        return owner.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                List.of(Contracts.class, settings.folder().toAbsolutePath().normalize()),
                key -> new StoredContracts(Contracts.open(settings)), StoredContracts.class).contracts();
    }

    /** A class's own server ({@code server = "field"}), one per field and run. */
    private static ServerContext classServer(ExtensionContext owner, String field) {
        Class<?> testClass = owner.getRequiredTestClass();
        return owner.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(List.of(testClass, field),
                key -> new StoredServer(ServerField.resolve(testClass, field)), StoredServer.class).context();
    }

    /** A session on a framework's database, which the classes that share it take turns on, test by test. */
    private static StoredSession sharingTheDatabase(ExtensionContext owner, Session session) {
        ClassLock shared = owner.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                List.of(ClassLock.class, session.databaseName()), key -> new ClassLock(), ClassLock.class);
        return new StoredSession(session, shared, true);
    }

    /**
     * A class's own session; or, for a class that Spring runs, a session on its application context's database, which
     * the classes sharing that (cached) context share, and so take turns on, test by test; or, for a class that
     * Quarkus runs, a session on the running application's database, shared the same way.
     */
    private static StoredSession stored(ExtensionContext owner, AnnotationValues annotation) {
        try {
            SessionSettings settings = AnnotationSettings.of(annotation, owner::getConfigurationParameter);
            Contracts contracts = AnnotationSettings.contracts(annotation, owner::getConfigurationParameter,
                    System::getenv).map(found -> runContracts(owner, found)).orElse(null);
            if (QuarkusTests.runsWithQuarkus(owner.getRequiredTestClass())) {
                // The application's database, on the server the library's test resource chose for it.
                return sharingTheDatabase(owner, QuarkusSessions.open(owner.getRequiredTestClass(), settings,
                        contracts));
            }
            ServerContext server = annotation.server().isBlank() ? configuredServer(owner)
                    : classServer(owner, annotation.server());
            if (!SpringTests.runsWithSpring(owner.getRequiredTestClass())) {
                return new StoredSession(Session.open(settings, server, contracts), new ClassLock(),
                        !ClassLock.TAKEN_BY_JUNIT);
            }
            return sharingTheDatabase(owner, SpringSessions.open(owner, settings, server, contracts));
        } catch (SetupException e) {
            // The sentence once, without the SetupException that carried it and without the library's frames.
            throw StackTraces.withoutOurs(new ExtensionConfigurationException(
                    Messages.inClass(owner.getRequiredTestClass(), e.getMessage()), e.getCause()));
        }
    }
}
