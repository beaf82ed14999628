package io.github.pgnotifications.internal.core;

import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.listen.NotificationListener;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a class's settings. Each one comes from the annotation attribute if it is set, else from the JUnit
 * configuration parameter of the same meaning (a system property or {@code junit-platform.properties}), else the
 * default.
 */
public final class AnnotationSettings {

    private AnnotationSettings() {
    }

    /**
     * @param context looks up a configuration parameter by its key, e.g. JUnit's
     *                {@code ExtensionContext::getConfigurationParameter}
     */
    public static SessionSettings of(PgNotifications annotation, Function<String, Optional<String>> context) {
        return new SessionSettings(
                list(annotation.tables(), PgNotifications.TABLES_PROPERTY_NAME, context),
                list(annotation.channels(), PgNotifications.CHANNELS_PROPERTY_NAME, context),
                list(annotation.scripts(), PgNotifications.SCRIPTS_PROPERTY_NAME, context),
                list(annotation.sensitiveColumns(), PgNotifications.SENSITIVE_COLUMNS_PROPERTY_NAME, context),
                annotation.sensitiveColumns().length > 0,
                list(annotation.flyway(), PgNotifications.FLYWAY_PROPERTY_NAME, context),
                text(annotation.liquibase(), PgNotifications.LIQUIBASE_PROPERTY_NAME, context),
                timeout(annotation, context),
                NotificationListener.Health.DEFAULT,
                maxRecorded(context));
    }

    private static List<String> list(String[] attribute, String parameter, Function<String, Optional<String>> context) {
        if (attribute.length > 0) {
            return List.of(attribute);
        }
        return context.apply(parameter)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static String text(String attribute, String parameter, Function<String, Optional<String>> context) {
        return !attribute.isBlank() ? attribute
                : context.apply(parameter).map(String::trim).orElse("");
    }

    private static int maxRecorded(Function<String, Optional<String>> context) {
        String parameter = PgNotifications.MAX_RECORDED_PROPERTY_NAME;
        return context.apply(parameter).map(String::trim).filter(value -> !value.isEmpty())
                .map(value -> positiveInt(value, parameter)).orElse(SessionSettings.DEFAULT_MAX_RECORDED);
    }

    private static int positiveInt(String value, String parameter) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new SetupException(Messages.badPositiveNumber(value, "configuration parameter " + parameter));
    }

    private static Duration timeout(PgNotifications annotation, Function<String, Optional<String>> context) {
        String parameter = PgNotifications.DEFAULT_TIMEOUT_PROPERTY_NAME;
        if (!annotation.timeout().isBlank()) {
            return Durations.parse(annotation.timeout(), "@PgNotifications(timeout)");
        }
        return context.apply(parameter).filter(value -> !value.isBlank())
                .map(value -> Durations.parse(value, "configuration parameter " + parameter))
                .orElse(SessionSettings.DEFAULT_TIMEOUT);
    }
}
