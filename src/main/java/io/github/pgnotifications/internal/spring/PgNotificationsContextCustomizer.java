package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.internal.core.AnnotationSettings;
import io.github.pgnotifications.internal.core.AnnotationValues;
import io.github.pgnotifications.internal.core.ConfigurationParameters;
import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import io.github.pgnotifications.internal.provision.ServerContext;
import io.github.pgnotifications.internal.provision.ServerSettings;
import io.github.pgnotifications.internal.provision.Servers;
import io.github.pgnotifications.internal.provision.TestDatabase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Prepares the database of an application context and points the application at it: {@code spring.datasource.url},
 * {@code username} and {@code password} come first among the context's properties, Spring Boot's test slices are told
 * not to replace the DataSource ({@code spring.test.database.replace=none}), and a context that defines no DataSource
 * at all gets one. The database gets the annotation's own migrations and scripts now; the triggers go in once the
 * context has built the application's schema ({@link TriggersOnApplicationSchema}). Two customizers are equal when
 * their annotations are, so classes with the same Spring configuration and the same {@code @PgNotifications} share
 * one cached context, and with it one database.
 */
final class PgNotificationsContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "pgNotificationsTestDatabase";

    private final AnnotationValues annotation;

    PgNotificationsContextCustomizer(AnnotationValues annotation) {
        this.annotation = annotation;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
        SpringHandoff handoff = SpringHandoff.current().orElse(null);
        SessionSettings settings = handoff != null ? handoff.settings()
                : AnnotationSettings.of(annotation, ConfigurationParameters.outsideJUnit());
        ContextDatabase database = prepare(handoff, settings, configuration);
        context.addApplicationListener(new TriggersOnApplicationSchema(context, settings, database));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE,
                properties(database)));
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton(ContextDatabase.BEAN_NAME, database);
        if (beans instanceof DefaultSingletonBeanRegistry registry) {
            // Registered before any other bean, so destroyed after all of them: the pool and Hibernate are done.
            registry.registerDisposableBean(ContextDatabase.BEAN_NAME, database::close);
        } else {
            context.addApplicationListener(database.closedWithContext());
        }
        context.addBeanFactoryPostProcessor(new DataSourceIfNoneDefined(database.connectionInfo()));
    }

    /** The database, on the run's server when the JUnit extension asked for the context, else on one of its own. */
    private static ContextDatabase prepare(SpringHandoff handoff, SessionSettings settings,
                                           MergedContextConfiguration configuration) {
        if (handoff != null) {
            return new ContextDatabase(Session.prepareDatabase(settings, handoff.server()), null, configuration);
        }
        ServerContext own = Servers.obtain(ServerSettings.read(ConfigurationParameters.outsideJUnit()), false);
        try {
            TestDatabase database = Session.prepareDatabase(settings, own);
            return new ContextDatabase(database, own, configuration);
        } catch (RuntimeException e) {
            own.close();
            throw e;
        }
    }

    private static Map<String, Object> properties(ContextDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.connectionInfo().jdbcUrl());
        properties.put("spring.datasource.username", database.connectionInfo().username());
        properties.put("spring.datasource.password", database.connectionInfo().password());
        properties.put("spring.test.database.replace", "none");
        return properties;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PgNotificationsContextCustomizer that && annotation.equals(that.annotation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(PgNotificationsContextCustomizer.class, annotation);
    }

    @Override
    public String toString() {
        return "PgNotificationsContextCustomizer" + List.of(annotation);
    }
}
