package io.github.pgnotifications.internal.spring;

import io.github.pgnotifications.PgNotifications;
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
        return annotation == null ? null : new PgNotificationsContextCustomizer(annotation);
    }
}
