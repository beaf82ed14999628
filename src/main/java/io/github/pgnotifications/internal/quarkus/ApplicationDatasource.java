package io.github.pgnotifications.internal.quarkus;

import io.github.pgnotifications.ConnectionInfo;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The default datasource of a Quarkus application, as its configuration (MicroProfile Config) states it. */
final class ApplicationDatasource {

    static final String URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    private ApplicationDatasource() {
    }

    /** The URL the application's configuration names, if any (the placeholder included). */
    static Optional<String> configuredUrl(ClassLoader application) {
        return ConfigProvider.getConfig(application).getOptionalValue(URL, String.class);
    }

    /** How the running application reaches its database; empty when it has no URL. */
    static Optional<ConnectionInfo> of(ClassLoader application) {
        Config config = ConfigProvider.getConfig(application);
        return config.getOptionalValue(URL, String.class).map(url -> new ConnectionInfo(url,
                config.getOptionalValue(USERNAME, String.class).orElse(""),
                config.getOptionalValue(PASSWORD, String.class).orElse("")));
    }
}
