package io.github.pgnotifications;

import io.github.pgnotifications.internal.core.AnnotationValues;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/** Reads {@code @PgNotifications} into plain values for the internals, which do not know the annotation's type. */
final class AnnotationReader {

    private AnnotationReader() {
    }

    /** The class's annotation, direct, inherited or as a meta-annotation. */
    static Optional<AnnotationValues> find(Class<?> testClass) {
        return AnnotationSupport.findAnnotation(testClass, PgNotifications.class).map(AnnotationReader::values);
    }

    static boolean isAnnotated(Class<?> testClass) {
        return AnnotationSupport.isAnnotated(testClass, PgNotifications.class);
    }

    static AnnotationValues values(PgNotifications annotation) {
        return new AnnotationValues(List.of(annotation.tables()), List.of(annotation.channels()),
                List.of(annotation.scripts()), List.of(annotation.sensitiveColumns()), List.of(annotation.flyway()),
                annotation.liquibase(), annotation.timeout(), annotation.server(), annotation.contracts());
    }
}
