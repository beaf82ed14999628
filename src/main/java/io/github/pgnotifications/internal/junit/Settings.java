package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.core.SessionSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Reads a class's settings: annotation attribute, else JUnit configuration parameter, else the default. */
final class Settings {

    private Settings() {
    }

    static SessionSettings of(PgNotifications annotation, ExtensionContext context) {
        return new SessionSettings(List.of(annotation.tables()), List.of(annotation.channels()),
                List.of(annotation.scripts()), List.of(annotation.sensitiveColumns()), timeout(annotation, context));
    }

    private static Duration timeout(PgNotifications annotation, ExtensionContext context) {
        if (!annotation.timeout().isBlank()) {
            return Durations.parse(annotation.timeout(), "@PgNotifications(timeout)");
        }
        return context.getConfigurationParameter(PgNotifications.DEFAULT_TIMEOUT_PROPERTY_NAME)
                .filter(value -> !value.isBlank())
                .map(value -> Durations.parse(value,
                        "configuration parameter " + PgNotifications.DEFAULT_TIMEOUT_PROPERTY_NAME))
                .orElse(SessionSettings.DEFAULT_TIMEOUT);
    }
}
