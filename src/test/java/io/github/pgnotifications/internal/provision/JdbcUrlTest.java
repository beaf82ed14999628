package io.github.pgnotifications.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.internal.SetupException;
import org.junit.jupiter.api.Test;

class JdbcUrlTest {

    @Test
    void theCredentialsAreTakenOutOfTheUrl() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://db.example:6543/app?user=alice&password=s3cret&ssl=false");

        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.toUrl()).isEqualTo("jdbc:postgresql://db.example:6543/app?ssl=false");
    }

    @Test
    void anotherDatabaseOnTheSameServerKeepsHostsPortsAndParameters() {
        JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://a:1,b:2/app?connectTimeout=3");

        assertThat(url.withDatabase("pgnotifications_x").toUrl())
                .isEqualTo("jdbc:postgresql://a:1,b:2/pgnotifications_x?connectTimeout=3");
        assertThat(url.servers()).isEqualTo("a:1,b:2");
    }

    @Test
    void aUrlThatIsNotPostgresIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://h/db?password=s3cret"))
                .isInstanceOf(SetupException.class)
                .hasMessage("configuration parameter pgnotifications.jdbc-url is 'jdbc:mysql://h/db?password=***',"
                        + " which is not a PostgreSQL JDBC URL. Write it like jdbc:postgresql://host:5432/database.");
    }
}
