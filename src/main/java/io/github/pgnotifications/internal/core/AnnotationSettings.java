package io.github.pgnotifications.internal.core;

import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.Durations;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.contracts.ContractSettings;
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
    public static SessionSettings of(AnnotationValues annotation, Function<String, Optional<String>> context) {
        return new SessionSettings(
                list(annotation.tables(), ConfigKeys.TABLES, context),
                list(annotation.channels(), ConfigKeys.CHANNELS, context),
                list(annotation.scripts(), ConfigKeys.SCRIPTS, context),
                list(annotation.sensitiveColumns(), ConfigKeys.SENSITIVE_COLUMNS, context),
                !annotation.sensitiveColumns().isEmpty(),
                list(annotation.flyway(), ConfigKeys.FLYWAY, context),
                text(annotation.liquibase(), ConfigKeys.LIQUIBASE, context),
                timeout(annotation, context),
                NotificationListener.Health.DEFAULT,
                maxRecorded(context));
    }

    /**
     * The class's contracts settings, if a folder is set ({@code contracts}, else the suite's
     * {@code pgnotifications.contracts.folder}).
     *
     * @param environment looks up an environment variable ({@code CI})
     * @throws SetupException for a mode or additive value that is not one of the allowed ones
     */
    public static Optional<ContractSettings> contracts(AnnotationValues annotation,
                                                       Function<String, Optional<String>> context,
                                                       Function<String, String> environment) {
        return ContractSettings.read(annotation.contracts(), "@PgNotifications(contracts)", context, environment);
    }

    private static List<String> list(List<String> attribute, String parameter,
                                     Function<String, Optional<String>> context) {
        if (!attribute.isEmpty()) {
            return attribute;
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
        String parameter = ConfigKeys.MAX_RECORDED;
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

    private static Duration timeout(AnnotationValues annotation, Function<String, Optional<String>> context) {
        String parameter = ConfigKeys.TIMEOUT;
        if (!annotation.timeout().isBlank()) {
            return Durations.parse(annotation.timeout(), "@PgNotifications(timeout)");
        }
        return context.apply(parameter).filter(value -> !value.isBlank())
                .map(value -> Durations.parse(value, "configuration parameter " + parameter))
                .orElse(SessionSettings.DEFAULT_TIMEOUT);
    }
}
