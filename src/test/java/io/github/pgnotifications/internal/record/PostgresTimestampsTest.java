package io.github.pgnotifications.internal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresTimestampsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-25T07:58:23.123456+00:00", "2026-11-25T07:58:23+00:00",
            "2026-11-25T07:58:23.1+05:30", "2026-11-25T07:58:23.120-03:00", "2026-11-25T07:58:23.5+00"})
    void readsWhatPostgresWritesAsTheGeneralParserDoes(String text) {
        String iso = text.endsWith("+00") ? text + ":00" : text;

        assertThat(PostgresTimestamps.parse(text)).isEqualTo(OffsetDateTime.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-25 07:58:23+00", "2026-13-25T07:58:23+00:00",
            "2026-11-25T07:58:23.1234567890+00:00"})
    void leavesAnythingElseToTheGeneralParser(String text) {
        assertThat(PostgresTimestamps.parse(text)).isNull();
    }
}
