package io.github.pgnotifications.assertions;

import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.Notification;
import io.github.pgnotifications.NotificationRecorder;
import io.github.pgnotifications.PgNotifications;
import io.github.pgnotifications.support.Sql;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opentest4j.AssertionFailedError;

@Timeout(30)
@PgNotifications(tables = "users", channels = "jobs", scripts = "classpath:assertions/changes.sql")
class NotificationAssertTest {

    private static final String JOB = "{\"job\":{\"id\":7,\"state\":\"queued\",\"tags\":[\"a\",\"b\"],\"owner\":null,"
            + "\"cost\":1.50}}";

    private final NotificationRecorder recorder;
    private final DataSource db;

    NotificationAssertTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.db = db;
    }

    /** Sends a payload on 'jobs' (as a bind parameter) and returns the notification as received. */
    private Notification sent(String payload) {
        Sql.column(db, "SELECT pg_notify('jobs', ?)", payload);
        return recorder.channel("jobs").awaitNotification("the payload " + payload, n -> n.payload().equals(payload));
    }

    record JobEvent(Job job) {
    }

    record Job(long id, String state) {
    }

    @Test
    void textPayloadsAreCheckedWholeByPartOrByPattern() {
        assertThat(sent("job 7 done")).hasChannel("jobs").hasPayload("job 7 done").hasPayloadContaining("7 do")
                .hasPayloadMatching("job \\d+ done");
    }

    @Test
    void hasChannelFailureShowsBothChannels() {
        Notification notification = sent("refresh");

        assertThatThrownBy(() -> assertThat(notification).hasChannel("job"))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessage(String.format("%nExpecting the notification with payload:%n  \"refresh\"%n"
                        + "to be on channel:%n  \"job\"%nbut it is on:%n  \"jobs\""));
    }

    @Test
    void hasPayloadFailureShowsBothPayloads() {
        Notification notification = sent("refresh");

        assertThatThrownBy(() -> assertThat(notification).hasPayload("refresh "))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure ->
                        Assertions.assertThat(failure.getActual().getValue()).isEqualTo("refresh"))
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"refresh\"%nto be:%n  \"refresh \""));
    }

    @Test
    void hasPayloadContainingAndMatchingFailuresShowThePayloadAndWhatWasExpected() {
        Notification notification = sent("job 7 done");

        assertThatThrownBy(() -> assertThat(notification).hasPayloadContaining("failed"))
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"job 7 done\"%nto contain:%n  \"failed\""));
        assertThatThrownBy(() -> assertThat(notification).hasPayloadMatching("job \\d+"))
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"job 7 done\"%nto match the regular expression:%n  \"job \\d+\""));
    }

    @Test
    void anEmptyPayloadIsTheEmptyString() {
        exec(db, "NOTIFY jobs");

        assertThat(recorder.channel("jobs").awaitNext(1).get(0)).hasPayload("");
    }

    @Test
    void hasJsonPayloadAcceptsJsonAndSaysWhyOtherTextIsNot() {
        assertThat(sent(JOB)).hasJsonPayload();

        Notification plain = sent("job 7 done");
        assertThatThrownBy(() -> assertThat(plain).hasJsonPayload())
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"job 7 done\"%nto be JSON, but it is not: expected a value (line 1, column 1)"));
    }

    @Test
    void jsonFollowedByMoreTextIsNotJson() {
        Notification notification = sent("{\"id\":1} and more");

        assertThatThrownBy(() -> assertThat(notification).hasJsonPayload())
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"{\"id\":1} and more\"%nto be JSON, but it is not: unexpected text after the value"
                        + " (line 1, column 10)"));
    }

    @Test
    void anEmptyPayloadIsNotJson() {
        exec(db, "NOTIFY jobs");
        Notification empty = recorder.channel("jobs").awaitNext(1).get(0);

        assertThatThrownBy(() -> assertThat(empty).hasJsonPayload())
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"\"%nto be JSON, but it is not: the payload is empty"));
    }

    @Test
    void hasJsonValueFindsValuesByPointerAndComparesNumbersByValue() {
        assertThat(sent(JOB))
                .hasJsonValue("/job/id", 7).hasJsonValue("/job/id", 7L).hasJsonValue("/job/id", 7.0)
                .hasJsonValue("/job/state", "queued")
                .hasJsonValue("/job/cost", new BigDecimal("1.5")).hasJsonValue("/job/cost", 1.5)
                .hasJsonValue("/job/owner", null)
                .hasJsonValue("/job/tags", List.of("a", "b")).hasJsonValue("/job/tags/1", "b")
                .hasJsonValue("", Map.of("job", wholeJob()));
    }

    /** The job object as plain Java values; a map, since Map.of takes no null. */
    private static Map<String, Object> wholeJob() {
        Map<String, Object> job = new HashMap<>();
        job.put("id", 7L);
        job.put("state", "queued");
        job.put("tags", List.of("a", "b"));
        job.put("owner", null);
        job.put("cost", 1.5);
        return job;
    }

    @Test
    void hasJsonValueOfAChangePayloadReadsTheRow() {
        exec(db, "INSERT INTO users VALUES (1, 'Ada', 'Lovelace', NULL)");

        assertThat(recorder.channel("users").awaitInsert(1).notification())
                .hasJsonValue("/action", "insert").hasJsonValue("/record/first_name", "Ada")
                .hasJsonValue("/record/age", null).hasJsonValue("/old", null);
    }

    @Test
    void hasJsonValueFailureShowsTheValueFound() {
        Notification notification = sent(JOB);

        assertThatThrownBy(() -> assertThat(notification).hasJsonValue("/job/state", "done"))
                .isInstanceOfSatisfying(AssertionFailedError.class, failure ->
                        Assertions.assertThat(failure.getActual().getValue()).isEqualTo("queued"))
                .hasMessage(String.format("%nExpecting JSON payload of the notification on channel 'jobs':%n  \"%s\"%n"
                        + "to have at \"/job/state\":%n  \"done\"%nbut it has:%n  \"queued\"", JOB));
        assertThat(notification).hasJsonValue("/job/id", "7");
        assertThatThrownBy(() -> assertThat(notification).hasJsonValue("/job/id", "8"))
                .hasMessageEndingWith(String.format("to have at \"/job/id\":%n  \"8\"%nbut it has:%n  7L"));
    }

    @Test
    void aMissingValueIsReportedWithTheDeepestPartThatExists() {
        Notification notification = sent(JOB);

        assertThatThrownBy(() -> assertThat(notification).hasJsonValue("/job/status", "queued"))
                .hasMessage(String.format("%nExpecting JSON payload of the notification on channel 'jobs':%n  \"%s\"%n"
                        + "to have a value at:%n  \"/job/status\"%nbut there is none; at \"/job\" there is:%n"
                        + "  {\"id\":7,\"state\":\"queued\",\"tags\":[\"a\",\"b\"],\"owner\":null,\"cost\":1.50}", JOB));
        assertThatThrownBy(() -> assertThat(notification).hasJsonValue("/jobs/0", "queued"))
                .hasMessage(String.format("%nExpecting JSON payload of the notification on channel 'jobs':%n  \"%s\"%n"
                        + "to have a value at:%n  \"/jobs/0\"%nbut there is none", JOB));
    }

    @Test
    void hasJsonValueOnAPayloadThatIsNotJsonSaysSo() {
        Notification plain = sent("job 7 done");

        assertThatThrownBy(() -> assertThat(plain).hasJsonValue("/id", 7))
                .hasMessageStartingWith(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"job 7 done\"%nto be JSON, but it is not: expected a value (line 1, column 1)"));
    }

    @Test
    void aPointerWithoutItsLeadingSlashIsRefused() {
        Notification notification = sent(JOB);

        assertThatThrownBy(() -> assertThat(notification).hasJsonValue("job/id", 7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hasJsonValue(\"job/id\", ...): a JSON pointer is empty or starts with '/', e.g."
                        + " \"/record/first_name\".");
    }

    @Test
    void payloadAsReadsTheTeamsOwnShapeIgnoringPropertiesTheTypeDoesNotDeclare() {
        assertThat(sent(JOB)).payloadAs(JobEvent.class).isEqualTo(new JobEvent(new Job(7, "queued")));
    }

    @Test
    void payloadAsFailsNamingThePayloadAndTheType() {
        Notification notification = sent("{\"job\":{\"id\":\"seven\"}}");

        assertThatThrownBy(() -> assertThat(notification).payloadAs(JobEvent.class))
                .hasMessage(String.format("%nExpecting payload of the notification on channel 'jobs':%n"
                        + "  \"{\"job\":{\"id\":\"seven\"}}\"%nto be JSON readable as"
                        + " io.github.pgnotifications.assertions.NotificationAssertTest$JobEvent, but it is not:"
                        + " Cannot deserialize value of type `long` from String \"seven\": not a valid `long` value"
                        + " (line 1, column 14)"));
    }

    @Test
    void aDescriptionPrefixesTheFailure() {
        Notification notification = sent("refresh");

        assertThatThrownBy(() -> assertThat(notification).as("cache refresh").hasPayload("flush"))
                .hasMessageStartingWith(String.format("[cache refresh] %nExpecting payload"));
    }
}
