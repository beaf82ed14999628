package io.github.pgnotifications.internal.quarkus;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tells Quarkus, while it builds an application for {@code @QuarkusTest}, that the test profile's default datasource
 * has a URL, so that Dev Services for the datasource (which needs Docker) stands down: Quarkus decides that at build
 * time, before any test resource starts, and only a configuration source can reach the build. The URL is a
 * placeholder that {@link PgNotificationsTestResource} replaces with a real database before the application starts.
 *
 * <p>Registered in {@code META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource}, so only SmallRye Config
 * loads it. Its ordinal is below every source a user writes ({@code application.properties} has 250), so a URL of the
 * user's own wins; only the {@code %test} profile's key is supplied, so a running application is never touched.
 * Supplies nothing when the application has no PostgreSQL JDBC datasource or the user opted out.
 */
public final class PlaceholderUrlConfigSource implements ConfigSource {

    /** The key supplied: the test profile's URL of the default datasource. */
    static final String TEST_PROFILE_URL = "%test.quarkus.datasource.jdbc.url";
    /** Below application.properties (250), microprofile-config.properties (100) and the environment (300). */
    static final int ORDINAL = 50;

    private final Map<String, String> properties;

    public PlaceholderUrlConfigSource() {
        this(QuarkusTestDatabaseSwitch.applies(PlaceholderUrlConfigSource.class.getClassLoader()));
    }

    PlaceholderUrlConfigSource(boolean applies) {
        properties = applies ? Map.of(TEST_PROFILE_URL, QuarkusTestDatabaseSwitch.PLACEHOLDER_URL) : Map.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "pg-notifications (placeholder test datasource URL, replaced before the application starts)";
    }

    @Override
    public int getOrdinal() {
        return ORDINAL;
    }
}
