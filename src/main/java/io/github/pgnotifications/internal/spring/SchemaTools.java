package io.github.pgnotifications.internal.spring;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * The schema tools of an application context: Spring Boot's Flyway, Liquibase and Hibernate (JPA). Each is optional
 * on the application's classpath, so their types are looked up by name in the context's class loader and read
 * reflectively; none is a dependency of the library.
 */
final class SchemaTools {

    /** Spring Boot 3 and 4 (which moved it into a module of its own): runs Flyway's migrate as it is created. */
    private static final List<String> FLYWAY_INITIALIZERS = List.of(
            "org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer",
            "org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer");
    private static final String FLYWAY = "org.flywaydb.core.Flyway";
    /** Liquibase's own Spring bean: updates as it is created. */
    private static final String LIQUIBASE = "liquibase.integration.spring.SpringLiquibase";
    private static final String ENTITY_MANAGER_FACTORY = "jakarta.persistence.EntityManagerFactory";
    private static final List<String> HIBERNATE_DDL = List.of("hibernate.hbm2ddl.auto",
            "jakarta.persistence.schema-generation.database.action");
    /** Values of those settings under which Hibernate changes nothing. */
    private static final Set<String> HIBERNATE_LEAVES_SCHEMA = Set.of("none", "validate");

    private final ListableBeanFactory beans;
    private final ClassLoader classLoader;

    SchemaTools(ListableBeanFactory beans, ClassLoader classLoader) {
        this.beans = beans;
        this.classLoader = classLoader;
    }

    /**
     * Waits until the tools are done: creates the migration beans that lazy initialisation left uncreated (creating
     * them migrates), and waits for an entity manager factory bootstrapped in the background (Spring Data's
     * deferred bootstrap), whose creation runs Hibernate's schema creation.
     */
    void awaitSchema() {
        FLYWAY_INITIALIZERS.forEach(this::beansOf);
        beansOf(LIQUIBASE);
        beansOf(ENTITY_MANAGER_FACTORY).forEach(factory -> call(factory, "getProperties"));
    }

    /** What built the schema, e.g. "Flyway (locations classpath:db/migration)"; null when nothing did. */
    String describe() {
        List<String> tools = new ArrayList<>();
        beansOf(FLYWAY).forEach(flyway -> tools.add("Flyway (locations " + locations(flyway) + ")"));
        beansOf(LIQUIBASE).forEach(liquibase -> tools.add("Liquibase (changelog " + call(liquibase, "getChangeLog")
                + ")"));
        beansOf(ENTITY_MANAGER_FACTORY).stream().map(SchemaTools::hibernateDdl).filter(Objects::nonNull)
                .forEach(ddl -> tools.add("Hibernate (ddl-auto=" + ddl + ")"));
        return tools.isEmpty() ? null : String.join(" and ", tools);
    }

    private static String locations(Object flyway) {
        Object[] locations = (Object[]) call(call(flyway, "getConfiguration"), "getLocations");
        return Arrays.stream(locations).map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The schema action Hibernate was given, unless it is one that changes nothing. */
    private static String hibernateDdl(Object entityManagerFactory) {
        Map<?, ?> properties = (Map<?, ?>) call(entityManagerFactory, "getProperties");
        return HIBERNATE_DDL.stream().map(properties::get).filter(Objects::nonNull).map(String::valueOf)
                .filter(action -> !HIBERNATE_LEAVES_SCHEMA.contains(action.toLowerCase(java.util.Locale.ROOT)))
                .findFirst().orElse(null);
    }

    /** The beans of a type the application may not have; none when it has not. */
    private Collection<Object> beansOf(String typeName) {
        Class<?> type;
        try {
            type = Class.forName(typeName, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
        return List.copyOf(beans.getBeansOfType(type, false, true).values());
    }

    private static Object call(Object target, String method) {
        try {
            return publicMethod(target.getClass(), method).invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(method + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot call " + method + " on " + target.getClass().getName(), e);
        }
    }

    /** The method as its interface declares it for a JDK proxy (the entity manager factory), whose class may not be accessible. */
    private static Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
        if (Proxy.isProxyClass(type)) {
            for (Class<?> implemented : type.getInterfaces()) {
                try {
                    return implemented.getMethod(name);
                } catch (NoSuchMethodException e) {
                    // the next interface, then
                }
            }
        }
        return type.getMethod(name);
    }
}
