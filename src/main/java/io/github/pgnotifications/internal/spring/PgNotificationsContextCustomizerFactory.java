package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.internal.core.AnnotationValues;
import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered with Spring's TestContext framework ({@code META-INF/spring.factories}): a test class (or an enclosing
 * class) annotated {@code @PgNotifications} gets its application context pointed at a prepared test database.
 */
public final class PgNotificationsContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        PgNotifications annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                PgNotifications.class);
        return annotation == null ? null : new PgNotificationsContextCustomizer(values(annotation));
    }

    // Spring's own lookup (enclosing classes as Spring's @Nested rules say), so the annotation is read here, not by
    // the API package's reader that the JUnit extension uses. The contracts folder is left out: the context does not
    // depend on it (the extension checks contracts on whatever database the context built), and the values are the
    // context cache's key, so a class that turns contracts on still shares its cached context with those that do not.
    private static AnnotationValues values(PgNotifications annotation) {
        return new AnnotationValues(List.of(annotation.tables()), List.of(annotation.channels()),
                List.of(annotation.scripts()), List.of(annotation.sensitiveColumns()), List.of(annotation.flyway()),
                annotation.liquibase(), annotation.timeout(), annotation.server(), "");
    }
}
