package io.github.pgnotifications;

import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.pgnotifications.support.Sql;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

/**
 * A schema in pg_dump's form (search_path emptied, a time zone set, enums, domains, arrays, a table partitioned by a
 * timestamptz), as teams load theirs. Surefire runs the suite in a JVM whose time zone is Asia/Kolkata.
 */
@Timeout(30)
@PgNotifications(tables = {"actor", "film", "payment", "int_channel_message"},
        channels = "int_channel_message_notify",
        scripts = {"classpath:real-schemas/pagila-like.sql", "classpath:real-schemas/seed.sql"})
class RealSchemasTest {

    private static final OffsetDateTime MARCH_16 = OffsetDateTime.parse("2022-03-16T10:00:00Z");

    @Test
    void aPgDumpScriptsSessionSettingsReachNeitherTheLibraryNorTheNextScriptNorTheTest(DataSource db) {
        assertThat(Sql.column(db, "SELECT count(*) FROM actor")).containsExactly("2");
        assertThat(Sql.column(db, "SHOW search_path")).containsExactly("\"$user\", public");
        assertThat(Sql.column(db, "SHOW statement_timeout")).containsExactly("0");
    }

    @Test
    void theParentsTriggerCoversItsPartitionsAndEventsNameBoth(NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO payment VALUES (101, 1, 7.50, '2022-03-16 15:30:00+05:30')");

        ChangeEvent event = recorder.channel("payment").awaitInsert(List.of(MARCH_16, 101));

        assertThat(event.table()).isEqualTo("payment");
        assertThat(event.partition()).isEqualTo("payment_p2022_03");
        assertThat(event.record()).containsEntry("payment_date", MARCH_16).containsEntry("amount",
                new BigDecimal("7.50"));
        recorder.channel("payment").assertNothingElse();
    }

    @Test
    void anAwaitWithOneValueForATwoColumnKeyFailsAtOnceNamingTheKeysColumns(NotificationRecorder recorder) {
        assertThatThrownBy(() -> recorder.channel("payment").awaitInsert(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot match id 101 (1 value) on channel 'payment': the key of table public.payment is"
                        + " [payment_date, payment_id] (2 columns). Pass the values in key order as a List, e.g."
                        + " awaitInsert(List.of(<payment_date>, <payment_id>)).");
    }

    @Test
    void aPartitionCreatedAfterPreparationIsCoveredWithItsKey(NotificationRecorder recorder, DataSource db) {
        exec(db, "CREATE TABLE payment_p2022_07 PARTITION OF payment"
                        + " FOR VALUES FROM ('2022-07-01 00:00:00+00') TO ('2022-08-01 00:00:00+00')",
                "INSERT INTO payment VALUES (102, 1, 1.00, '2022-07-04 12:00:00+00')");

        ChangeEvent event = recorder.channel("payment")
                .awaitInsert(List.of(OffsetDateTime.parse("2022-07-04T14:00:00+02:00"), 102L));

        assertThat(event.partition()).isEqualTo("payment_p2022_07");
        assertThat(event.record()).containsEntry("payment_id", 102);
    }

    @Test
    void aRowThatMovesToAnotherPartitionArrivesAsDeleteAndInsertAndAnUpdateAwaitSaysSo(
            NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO payment VALUES (103, 1, 1.00, '2022-02-20 12:00:00+00')",
                "UPDATE payment SET payment_date = '2022-03-20 12:00:00+00' WHERE payment_id = 103");
        ChannelRecorder payments = recorder.channel("payment");
        OffsetDateTime february = OffsetDateTime.parse("2022-02-20T12:00:00Z");

        assertThatThrownBy(() -> payments.within(Duration.ofMillis(200)).awaitUpdate(List.of(february, 103)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("the same key arrived as INSERT, not UPDATE")
                .hasMessageContaining("the same key arrived as DELETE, not UPDATE")
                .hasMessageContaining("if the update moved the row to another partition, that is how it arrives");
        assertThat(payments.awaitDelete(List.of(february, 103)).partition()).isEqualTo("payment_p2022_02");
        ChangeEvent moved = payments.awaitInsert(List.of(OffsetDateTime.parse("2022-03-20T12:00:00Z"), 103));
        assertThat(moved.partition()).isEqualTo("payment_p2022_03");
    }

    @Test
    void timestampsMatchAsInstantsWhateverTheWritersTimeZone(NotificationRecorder recorder, DataSource db) {
        exec(db, "SET TIME ZONE 'America/St_Johns'", "INSERT INTO payment VALUES (104, 1, 1.00, '"
                + MARCH_16 + "')");
        exec(db, "SET TIME ZONE 'Asia/Kolkata'", "INSERT INTO payment VALUES (105, 1, 1.00, '" + MARCH_16 + "')");

        ChannelRecorder payments = recorder.channel("payment");
        ChangeEvent first = payments.awaitInsert(List.of("2022-03-16T10:00:00+00:00", 104));
        ChangeEvent second = payments.awaitInsert(List.of(MARCH_16.withOffsetSameInstant(ZoneOffset.ofHours(9)), 105));

        assertThat(first.record().get("payment_date")).isEqualTo(MARCH_16);
        assertThat(second.record().get("payment_date")).isEqualTo(MARCH_16);
        assertThat(first.timestamp().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void valuesArriveAsTheJavaTypesOfTheirColumns(NotificationRecorder recorder, DataSource db) {
        UUID uuid = UUID.fromString("0b7e6a4c-1f5d-4c8e-9a47-3d2b1c0e5f6a");
        exec(db, "INSERT INTO film (film_id, title, release_year, rating, replacement_cost, length, special_features,"
                + " fulltext, poster, extra, film_uuid, premiere, last_update) VALUES (5, 'ACADEMY DINOSAUR', 2006,"
                + " 'PG-13', 1.123456789012345678, 86, '{Trailers,\"Deleted Scenes\"}', 'academy dinosaur',"
                + " '\\x01ff', '{\"price\": 1.10}', '" + uuid + "', '2006-05-25', '2022-03-16 10:00:00')");

        ChangeEvent event = recorder.channel("film").awaitInsert(5);

        assertThat(event.record())
                .containsEntry("film_id", 5L)
                .containsEntry("release_year", 2006)
                .containsEntry("rating", "PG-13")
                .containsEntry("rental_rate", new BigDecimal("4.99"))
                .containsEntry("replacement_cost", new BigDecimal("1.123456789012345678"))
                .containsEntry("length", 86)
                .containsEntry("special_features", List.of("Trailers", "Deleted Scenes"))
                .containsEntry("fulltext", "'academy' 'dinosaur'")
                .containsEntry("film_uuid", uuid)
                .containsEntry("premiere", LocalDate.of(2006, 5, 25))
                .containsEntry("last_update", LocalDateTime.of(2022, 3, 16, 10, 0));
        assertThat((byte[]) event.record().get("poster")).containsExactly(0x01, 0xff);
        assertThat(event.record().get("extra").toString()).isEqualTo("{price=1.10}");
        PgNotificationsAssertions.assertThat(event).hasRecordContaining("rental_rate", 4.99)
                .hasRecordContaining("film_id", 5);
    }

    record FilmRow(long filmId, String title, Integer releaseYear, BigDecimal rentalRate,
                   BigDecimal replacementCost, List<String> specialFeatures, UUID filmUuid, LocalDate premiere,
                   LocalDateTime lastUpdate) {
    }

    record PaymentRow(int paymentId, BigDecimal amount, Instant paymentDate) {
    }

    @Test
    void aRowReadsAsTheUsersOwnType(NotificationRecorder recorder, DataSource db) {
        exec(db, "INSERT INTO film (film_id, title, special_features, premiere, last_update) VALUES (6, 'ACE',"
                        + " '{Trailers}', '2006-05-25', '2022-03-16 10:00:00')",
                "UPDATE payment SET amount = 3.99 WHERE payment_id = 16050");

        FilmRow film = recorder.channel("film").awaitInsert(6).recordAs(FilmRow.class);
        ChangeEvent update = recorder.channel("payment").await(event -> event.action() == ChangeEvent.Action.UPDATE);

        assertThat(film).isEqualTo(new FilmRow(6, "ACE", null, new BigDecimal("4.99"), null, List.of("Trailers"),
                null, LocalDate.of(2006, 5, 25), LocalDateTime.of(2022, 3, 16, 10, 0)));
        assertThat(update.oldAs(PaymentRow.class)).isEqualTo(new PaymentRow(16050, new BigDecimal("2.99"),
                Instant.parse("2022-02-15T10:00:00Z")));
        assertThat(update.recordAs(PaymentRow.class).amount()).isEqualTo(new BigDecimal("3.99"));
        assertThat(update.seq()).isPositive();
    }

    @Test
    void aVirtualGeneratedColumnArrivesAsNullForPostgresDoesNotComputeItForTriggers(NotificationRecorder recorder,
                                                                                    DataSource db) {
        int version = Integer.parseInt(Sql.column(db, "SHOW server_version_num").get(0));
        assumeTrue(version >= 180000, "virtual generated columns exist from PostgreSQL 18; this server is " + version);
        exec(db, "ALTER TABLE film ADD COLUMN title_length integer GENERATED ALWAYS AS (length(title)) VIRTUAL",
                "ALTER TABLE film ADD COLUMN title_upper text GENERATED ALWAYS AS (upper(title)) STORED",
                "INSERT INTO film (film_id, title) VALUES (7, 'Alien')");

        ChangeEvent event = recorder.channel("film").awaitInsert(7);

        assertThat(event.record()).containsEntry("title_length", null).containsEntry("title_upper", "ALIEN");
    }

    @Test
    void truncateIsRecordedOncePerTable(NotificationRecorder recorder, DataSource db) {
        exec(db, "TRUNCATE actor", "TRUNCATE payment");

        ChangeEvent actor = recorder.channel("actor").awaitTruncate();
        ChangeEvent payment = recorder.channel("payment").awaitTruncate();

        assertThat(actor.action()).isEqualTo(ChangeEvent.Action.TRUNCATE);
        assertThat(actor.record()).isEmpty();
        assertThat(actor.seq()).isNotNull();
        assertThat(payment.table()).isEqualTo("payment");
        assertThat(payment.partition()).isNull();
        recorder.channel("actor").assertNothingElse();
        recorder.channel("payment").assertNothingElse();
    }

    @Test
    void anOversizedRowKeepsItsSmallColumnsSoAnAwaitKeyedByThemStillMatches(NotificationRecorder recorder,
                                                                            DataSource db) {
        String id = "4b9d3f0e-7c1a-4e8b-b2d5-9f6a0c3e1d7b";
        exec(db, "INSERT INTO int_channel_message VALUES ('" + id + "', 'orders', decode(repeat('ab', 5000), 'hex'))");

        ChangeEvent event = recorder.channel("int_channel_message").keyedBy("message_id").awaitInsert(id);

        assertThat(event.truncated()).isTrue();
        assertThat(event.omittedColumns()).containsExactly("message_bytes");
        assertThat(event.record()).containsOnlyKeys("message_id", "region");
    }

    @Test
    void anAwaitKeyedByAColumnTheOversizedRowLeftOutFailsAtOnceSayingWhy(NotificationRecorder recorder,
                                                                        DataSource db) {
        exec(db, "INSERT INTO int_channel_message VALUES ('m1', 'orders', decode(repeat('ab', 5000), 'hex'))");
        ChannelRecorder messages = recorder.channel("int_channel_message").keyedBy("message_bytes");

        assertThatThrownBy(() -> messages.awaitInsert("anything"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot await INSERT message_bytes='anything' on channel 'int_channel_message': a INSERT on"
                        + " public.int_channel_message arrived whose row was too large for one notification (8000"
                        + " bytes at most), and the columns left out of its payload, largest first, [message_bytes],"
                        + " include key column(s) [message_bytes]; it kept [message_id, region]. Key the await by"
                        + " columns it kept (keyedBy), or keep the large values out of the payload with"
                        + " @PgNotifications(sensitiveColumns).");
    }

    @Test
    void aChannelNoTriggerSendsToSaysSoWhenNothingArrives(NotificationRecorder recorder) {
        assertThatThrownBy(() -> recorder.channel("int_channel_message_notify").within(Duration.ofMillis(100))
                .awaitPayload("INT_CHANNEL_MESSAGE"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("Nothing arrived on 'int_channel_message_notify' since the test started, and no"
                        + " trigger in the database sends to it: no trigger's arguments and no function's source"
                        + " mention 'int_channel_message_notify'.");
    }

    @Test
    void aPlainTextPayloadIsAwaitedByValue(NotificationRecorder recorder, DataSource db) {
        exec(db, "SELECT pg_notify('int_channel_message_notify', 'orders')");

        Notification notification = recorder.channel("int_channel_message_notify").awaitPayload("orders");

        assertThat(notification.payload()).isEqualTo("orders");
        assertThatThrownBy(() -> recorder.channel("int_channel_message_notify").within(Duration.ofMillis(100))
                .awaitPayload("Orders"))
                .hasMessageStartingWith("Timed out after 100ms waiting for a notification with payload \"Orders\" on"
                        + " channel 'int_channel_message_notify'.");
    }
}
