package io.github.pgnotifications.internal.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

/**
 * The configuration parameters as JUnit would read them, for code that runs outside a JUnit extension (a Spring
 * context loaded before the extension asked for it): a system property, else {@code junit-platform.properties} at
 * the root of the classpath.
 */
public final class ConfigurationParameters {

    private ConfigurationParameters() {
    }

    public static Function<String, Optional<String>> outsideJUnit() {
        Properties file = junitPlatformProperties();
        return key -> Optional.ofNullable(System.getProperty(key)).or(() -> Optional.ofNullable(file.getProperty(key)));
    }

    private static Properties junitPlatformProperties() {
        Properties properties = new Properties();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ConfigurationParameters.class.getClassLoader())
                .getResourceAsStream("junit-platform.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
