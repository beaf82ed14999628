package io.github.pgnotifications.internal.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The configuration source that keeps Quarkus's Dev Services from looking for Docker: what it supplies, and when.
 * That a user's own URL wins over it in a real Quarkus build is shown by compat/quarkus-app (see docs/quarkus.md).
 */
class PlaceholderUrlConfigSourceTest {

    /** What Quarkus gives application.properties; the user's own sources all rank at least this high. */
    private static final int APPLICATION_PROPERTIES_ORDINAL = 250;

    @Test
    void suppliesThePlaceholderUrlForTheTestProfileOnlyBelowTheUsersOwnSources() {
        PlaceholderUrlConfigSource source = new PlaceholderUrlConfigSource(true);

        assertThat(source.getProperties()).isEqualTo(Map.of("%test.quarkus.datasource.jdbc.url",
                "jdbc:postgresql://replaced-by-pg-notifications.invalid/test-database"));
        assertThat(source.getValue("quarkus.datasource.jdbc.url")).as("outside the test profile").isNull();
        assertThat(source.getOrdinal()).isLessThan(APPLICATION_PROPERTIES_ORDINAL);
    }

    @Test
    void suppliesNothingToAnApplicationWithoutQuarkussPostgresqlJdbcDatasource() {
        // This build has no quarkus-agroal nor quarkus-jdbc-postgresql: as a SmallRye Config outside Quarkus sees it.
        PlaceholderUrlConfigSource source = new PlaceholderUrlConfigSource();

        assertThat(source.getProperties()).isEmpty();
        assertThat(source.getPropertyNames()).isEmpty();
        assertThat(source.getValue("%test.quarkus.datasource.jdbc.url")).isNull();
    }

    @Test
    void suppliesNothingWhenTheUserOptedOut() {
        String before = System.getProperty("pgnotifications.quarkus.enabled");
        System.setProperty("pgnotifications.quarkus.enabled", "false");
        try {
            assertThat(QuarkusTestDatabaseSwitch.enabled()).isFalse();
            assertThat(QuarkusTestDatabaseSwitch.applies(getClass().getClassLoader())).isFalse();
        } finally {
            if (before == null) {
                System.clearProperty("pgnotifications.quarkus.enabled");
            } else {
                System.setProperty("pgnotifications.quarkus.enabled", before);
            }
        }
        assertThat(QuarkusTestDatabaseSwitch.enabled()).as("without the property").isTrue();
    }
}
