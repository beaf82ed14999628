package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.internal.core.Session;
import io.github.pgnotifications.internal.core.SessionSettings;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Installs the triggers once the application context has built the schema: when it is refreshed, every singleton
 * exists, so the application's Flyway ({@code FlywayMigrationInitializer}), Liquibase ({@code SpringLiquibase}) and
 * Hibernate ({@code ddl-auto}) have run, whichever it has; a listener rather than a bean, so that it works the same
 * in a plain Spring context and on each Spring Boot version, whatever their initialisers are called. Once per
 * context, and so once per context database: classes sharing a cached context find the triggers in place.
 */
final class TriggersOnApplicationSchema implements ApplicationListener<ContextRefreshedEvent> {

    private final ConfigurableApplicationContext context;
    private final SessionSettings settings;
    private final ContextDatabase database;
    private final AtomicBoolean installed = new AtomicBoolean();

    TriggersOnApplicationSchema(ConfigurableApplicationContext context, SessionSettings settings,
                                ContextDatabase database) {
        this.context = context;
        this.settings = settings;
        this.database = database;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        // A child context's refresh reaches its parent's listeners too; only this context's own counts.
        if (event.getApplicationContext() != context || !installed.compareAndSet(false, true)) {
            return;
        }
        SchemaTools tools = new SchemaTools(context.getBeanFactory(), context.getClassLoader());
        try {
            tools.awaitSchema();
            Session.installTriggers(settings, database.connectionInfo(), tools::describe);
        } catch (RuntimeException | Error e) {
            // A context whose refresh fails is never closed, so its database would outlive it.
            database.close();
            throw e;
        }
    }
}
