package io.github.pgnotifications.internal.core;

import java.util.List;

/**
 * The attributes of a class's {@code @PgNotifications}, as plain values: what the core needs of the annotation,
 * without knowing its type (the annotation names the JUnit extension, so the extension must not name it back).
 * Equal attributes give equal values, which Spring's context cache relies on.
 *
 * @param tables           {@code tables}
 * @param channels         {@code channels}
 * @param scripts          {@code scripts}
 * @param sensitiveColumns {@code sensitiveColumns}
 * @param flyway           {@code flyway}
 * @param liquibase        {@code liquibase}, or empty
 * @param timeout          {@code timeout}, or empty
 * @param server           {@code server}, or empty
 * @param contracts        {@code contracts}, or empty
 */
public record AnnotationValues(List<String> tables, List<String> channels, List<String> scripts,
                               List<String> sensitiveColumns, List<String> flyway, String liquibase, String timeout,
                               String server, String contracts) {

    public AnnotationValues {
        tables = List.copyOf(tables);
        channels = List.copyOf(channels);
        scripts = List.copyOf(scripts);
        sensitiveColumns = List.copyOf(sensitiveColumns);
        flyway = List.copyOf(flyway);
    }
}
