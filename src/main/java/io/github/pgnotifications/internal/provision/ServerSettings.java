package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.ConfigKeys;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where PostgreSQL comes from, read once per run from configuration parameters (JUnit's, which include system
 * properties) with environment variables as the fallback.
 *
 * @param kind     which server
 * @param jdbcUrl  the existing server's URL, or null
 * @param username the existing server's user, or null
 * @param password the existing server's password, or null
 * @param image    the container image
 */
public record ServerSettings(Kind kind, JdbcUrl jdbcUrl, String username, String password, String image) {

    /** The ways of getting PostgreSQL. */
    public enum Kind { EMBEDDED, EXISTING, CONTAINER }

    static final String DEFAULT_IMAGE = "postgres:17-alpine";

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ServerSettings[kind=" + kind + ", url=" + (jdbcUrl == null ? null : jdbcUrl.toUrl())
                + ", username=" + username + ", image=" + image + "]";
    }

    /**
     * @param parameters looks up a configuration parameter by its key, e.g. JUnit's
     *                   {@code ExtensionContext::getConfigurationParameter}
     */
    public static ServerSettings read(Function<String, Optional<String>> parameters) {
        Function<String, Optional<String>> lookup = key -> parameters.apply(key)
                .or(() -> Optional.ofNullable(System.getenv(environmentName(key))))
                .map(String::trim).filter(value -> !value.isEmpty());
        Optional<String> url = lookup.apply(ConfigKeys.JDBC_URL);
        Kind kind = lookup.apply(ConfigKeys.SERVER).map(ServerSettings::kind)
                .orElse(url.isPresent() ? Kind.EXISTING : Kind.EMBEDDED);
        String image = lookup.apply(ConfigKeys.CONTAINER_IMAGE).orElse(DEFAULT_IMAGE);
        if (kind != Kind.EXISTING) {
            return new ServerSettings(kind, null, null, null, image);
        }
        JdbcUrl parsed = JdbcUrl.parse(url.orElseThrow(() -> new SetupException(Messages.existingWithoutUrl())));
        String username = lookup.apply(ConfigKeys.USERNAME)
                .orElse(parsed.user() == null ? System.getProperty("user.name") : parsed.user());
        String password = lookup.apply(ConfigKeys.PASSWORD).orElse(parsed.password());
        return new ServerSettings(kind, parsed, username, password, image);
    }

    /** {@code pgnotifications.jdbc-url} becomes {@code PGNOTIFICATIONS_JDBC_URL}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static Kind kind(String value) {
        try {
            return Kind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SetupException(Messages.badServerKind(value));
        }
    }
}
