package io.github.pgnotifications.internal.diagnostics;

import io.github.pgnotifications.internal.ConfigKeys;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * What a user reads when a wait, a sync or an absence check fails: what was expected, what arrived, near misses,
 * gaps, hazards, and what to do. Built from plain values.
 */
public final class AwaitMessages {

    private AwaitMessages() {
    }

    /**
     * A wait that timed out.
     *
     * @param seen       everything the channel recorded since the test started (the newest lines are shown)
     * @param progress   how far a sequence got, or null
     * @param nearMisses lines from {@link NearMisses}
     * @param gaps       lines from {@link #gap}
     * @param noSender   whether no trigger of the database mentions the channel
     * @param beforeTest what would have matched but arrived before the test's reset (offsets negative)
     */
    public static String timedOut(String expectation, String channel, String timeout, List<Seen> seen,
                                  String progress, List<String> nearMisses, List<String> gaps, boolean noSender,
                                  List<Seen> beforeTest) {
        StringBuilder message = new StringBuilder("Timed out after ").append(timeout).append(" waiting for ")
                .append(expectation).append(" on channel '").append(channel).append("'.");
        if (progress != null) {
            message.append("\n").append(progress);
        }
        if (seen.isEmpty() && noSender) {
            message.append("\nNothing arrived on '").append(channel).append("' since the test started, and no trigger")
                    .append(" in the database sends to it: no trigger's arguments and no function's source mention")
                    .append(" '").append(channel).append("'. Create the trigger that sends it (in a migration or")
                    .append(" script; check that it is not commented out), or name its table in")
                    .append(" @PgNotifications(tables). If your code sends NOTIFY itself, was its transaction")
                    .append(" committed?");
        } else if (seen.isEmpty() && !beforeTest.isEmpty()) {
            message.append("\nNothing arrived on '").append(channel).append("' since the test started.");
        } else if (seen.isEmpty()) {
            message.append("\nNothing arrived on '").append(channel).append("' since the test started. Was the")
                    .append(" write committed? A transaction that is still open, or rolled back (as a Spring")
                    .append(" @Transactional or a Quarkus @TestTransaction test is), sends no notification.");
        } else {
            message.append("\nReceived on '").append(channel).append("' since the test started (")
                    .append(seen.size()).append("):").append(Texts.indented(Timeline.newestLines(seen)));
        }
        if (!beforeTest.isEmpty()) {
            message.append("\n").append(arrivedBeforeTest(beforeTest));
        }
        if (!nearMisses.isEmpty()) {
            message.append("\nNear misses:").append(Texts.indented(nearMisses));
        }
        gaps.forEach(gap -> message.append("\n").append(gap));
        return message.toString();
    }

    /**
     * The awaited table was written in another database of the same server (see {@link OtherDatabaseWrites}).
     *
     * @param writes lines from {@link #writtenElsewhere}
     */
    public static String writtenInAnotherDatabase(String database, List<String> writes) {
        return "The awaited table was written in another database of the same server, not in this test's database ("
                + database + "):" + Texts.indented(writes)
                + "\nA notification reaches only listeners of the database that was written to. If the write this"
                + " test awaits went there (an application with a database of its own), the application and the test"
                + " must use the same database: give the application the connection the library supplies (the injected"
                + " DataSource or ConnectionInfo, or the datasource the library configures), and do not also configure"
                + " its datasource by hand (quarkus.datasource.*, spring.datasource.*) or open a second"
                + " PgNotificationsSession for it. (Test classes running in parallel write in databases of their own,"
                + " and show here too.)";
    }

    /** One table written in another database, as the server's statistics count it. */
    static String writtenElsewhere(String table, String database, long inserted, long updated, long deleted) {
        return table + " in database " + database + ": " + inserted + " row(s) inserted, " + updated + " updated, "
                + deleted + " deleted since that database was created (the server's statistics)";
    }

    /** What would have matched but arrived before the test's reset, and why it does not count. */
    static String arrivedBeforeTest(List<Seen> earlier) {
        List<String> lines = earlier.stream().map(seen -> Timeline.describe(seen) + ", " + Math.max(0,
                -seen.offsetMillis()) + "ms before the test started").toList();
        return "Would have matched, but arrived before the test started (" + earlier.size() + "):"
                + Texts.indented(Texts.newest(lines, Timeline.LINES_SHOWN))
                + "\nThe recorder is reset before each test (before its @BeforeEach methods, and again before the test"
                + " method), so what @BeforeAll, @BeforeEach or an earlier test wrote does not count here: make the"
                + " write in the test method, or await it where it is made (in @BeforeEach).";
    }

    /** How far an ordered sequence got: {@code 2 of 3 arrived in this order: ...; still missing: ...}. */
    public static String sequenceProgress(List<String> arrived, List<String> missing) {
        if (arrived.isEmpty()) {
            return "None of the sequence arrived in this order; still missing: " + String.join(", then ", missing) + ".";
        }
        return arrived.size() + " of " + (arrived.size() + missing.size()) + " arrived in this order: "
                + String.join(", then ", arrived) + "; still missing: " + String.join(", then ", missing) + ".";
    }

    public static String gap(Instant lostAt, Instant restoredAt, String reason) {
        return "The listener was not listening from " + time(lostAt) + (restoredAt == null ? " on" : " to "
                + time(restoredAt)) + " (" + Texts.clause(reason) + "): notifications committed then were lost.";
    }

    public static String dropped(long count, int window) {
        return count + " older notification(s) of this test were dropped: the recorder keeps the newest " + window
                + " (configuration parameter " + ConfigKeys.MAX_RECORDED + ").";
    }

    public static String withHazards(String message, List<String> hazards) {
        return hazards.isEmpty() ? message : message + "\nHazards:" + Texts.indented(hazards);
    }

    /** @param channelBlocks from {@link #channelBlock}, one per channel something arrived on */
    public static String expectedNothingOnAnyChannel(String what, int arrived, List<String> channelBlocks) {
        return "Expected " + what + " on any listened channel since the test started, but " + arrived + " arrived:"
                + String.join("", channelBlocks);
    }

    public static String expectedNothing(String what, String channel, List<Seen> arrived) {
        return "Expected " + what + " on channel '" + channel + "' since the test started, but " + arrived.size()
                + " arrived:" + Texts.indented(Timeline.newestLines(arrived));
    }

    /** @param where e.g. {@code channel 'users'} */
    public static String cannotProveAbsence(String what, String where, Instant lostAt, String reason) {
        return "Cannot prove " + what + " arrived on " + where + ": the listener lost its connection at "
                + time(lostAt) + " during this test (" + Texts.clause(reason) + "), and notifications committed while"
                + " it was reconnecting are lost.";
    }

    /**
     * An absence check made inside a Spring transaction that has not ended: what the test wrote is not committed.
     *
     * @param where e.g. {@code channel 'users'}
     */
    public static String cannotProveInSpringTransaction(String what, String where, boolean testManaged) {
        String prefix = "Cannot prove " + what + " arrived on " + where + ": ";
        if (testManaged) {
            return prefix + "this test runs inside Spring's test-managed transaction (a @Transactional test, or a"
                    + " slice such as @DataJpaTest), which is still open, so nothing written in it is committed and"
                    + " no notification of it can have been sent. Commit before checking: call"
                    + " TestTransaction.flagForCommit() and TestTransaction.end() (@Commit alone commits only after"
                    + " the test method); or remove @Transactional from the test (on a slice:"
                    + " @Transactional(propagation = Propagation.NOT_SUPPORTED)) and let the service's own"
                    + " transaction, or a TransactionTemplate, commit.";
        }
        return prefix + "this thread is inside a Spring transaction that has not committed yet"
                + " (TransactionSynchronizationManager.isActualTransactionActive()), so nothing written in it has sent"
                + " a notification. Check after the transaction commits: outside the @Transactional method or the"
                + " TransactionTemplate callback.";
    }

    /**
     * An absence check made inside a Quarkus transaction that has not ended: what the test wrote is not committed.
     *
     * @param where e.g. {@code channel 'users'}
     */
    public static String cannotProveInQuarkusTransaction(String what, String where) {
        return "Cannot prove " + what + " arrived on " + where + ": this thread is inside a transaction of the Quarkus"
                + " application that has not ended (QuarkusTransaction.isActive()): a @TestTransaction test, which is"
                + " rolled back and never commits, or a @Transactional test method, which commits only after it"
                + " returns. Nothing written in it is committed (Hibernate may not even have flushed it), so no"
                + " notification of it can have been sent. Drop @TestTransaction (or @Transactional) from the test and"
                + " let the application's own @Transactional method commit, then check.";
    }

    /**
     * An absence check made while sessions hold uncommitted writes to the channel's tables.
     *
     * @param sessions lines from {@link #uncommittedSession}
     */
    public static String cannotProveWithUncommittedWriters(String what, String where, List<String> sessions) {
        return "Cannot prove " + what + " arrived on " + where + ": a transaction that wrote to its table(s) is still"
                + " open:" + Texts.indented(sessions)
                + "\nCommit (or roll back) that transaction before checking: a connection with autoCommit off needs"
                + " commit(); a Spring @Transactional test needs TestTransaction.flagForCommit() and"
                + " TestTransaction.end(), or no @Transactional and a TransactionTemplate that commits; a Quarkus"
                + " @TestTransaction test never commits: drop @TestTransaction and let the application's own"
                + " @Transactional method commit.";
    }

    public static String gapDuringWait(String expectation, Instant lostAt, String reason) {
        return "The listener lost its connection at " + time(lostAt) + " while waiting for " + expectation + ": "
                + Texts.clause(reason) + ". Notifications committed until it reconnects are lost, so this wait cannot"
                + " succeed; the recorder reconnects by itself and later awaits work (see recorder.gaps()).";
    }

    public static String stillReconnecting(String timeout, Instant lostAt, String reason) {
        return "The listener has been reconnecting since " + time(lostAt) + " (" + Texts.clause(reason) + ") and was"
                + " not listening again within " + timeout + ". Check that the server is up.";
    }

    public static String syncTimedOut(String timeout) {
        return "sync() timed out after " + timeout + ": the recorder's own notification did not come back. The"
                + " notification queue may be stuck behind a long-open transaction (see pg_notification_queue_usage()).";
    }

    public static String syncFailed(String cause) {
        return "sync() could not send its notification: " + Texts.clause(cause) + ".";
    }

    public static String interrupted(String expectation) {
        return "Interrupted while waiting for " + expectation + "; the thread's interrupt flag is set again.";
    }

    public static String uncommittedSession(int pid, String application, String state, String since, String query) {
        return "session " + pid + (application.isEmpty() ? "" : " (" + application + ")") + " is " + state
                + " with uncommitted writes for " + since + ": its notifications are sent only when it commits"
                + (query.isEmpty() ? "" : "; last statement: " + query);
    }

    /** A hazard of a wait made inside a Spring transaction that has not ended. */
    public static String springTransactionOpen(boolean testManaged) {
        return testManaged ? "this thread is inside Spring's test-managed transaction, which is still open: what the"
                + " test wrote in it is sent only when it commits (call TestTransaction.flagForCommit() and"
                + " TestTransaction.end() before awaiting, or remove @Transactional from the test)"
                : "this thread is inside a Spring transaction that has not committed yet: what it wrote is sent only"
                + " when it commits (await after the @Transactional method or TransactionTemplate callback returns)";
    }

    /** A hazard of a wait made inside a Quarkus transaction that has not ended. */
    public static String quarkusTransactionOpen() {
        return "this thread is inside a transaction of the Quarkus application that has not ended: what it wrote is"
                + " sent only when it commits, and a @TestTransaction test never commits (drop @TestTransaction, or"
                + " @Transactional from the test method, and let the application's own @Transactional method commit)";
    }

    public static String queueFilling(double usage) {
        return String.format(Locale.ROOT, "the notification queue is %.1f%% full (pg_notification_queue_usage());"
                + " a transaction left open in a listening session keeps it from being cleaned up", usage * 100);
    }

    /** What arrived during a test that failed some other way, attached to its failure. */
    public static String recordedDuringTest(List<String> channelBlocks) {
        return "Notifications recorded during this test (pg-notifications):" + String.join("", channelBlocks);
    }

    public static String channelBlock(String channel, List<Seen> seen) {
        return "\n  on '" + channel + "' (" + seen.size() + "):" + Timeline.newestLines(seen).stream()
                .map(line -> "\n    " + line).reduce("", String::concat);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()).toLocalTime()
                .truncatedTo(ChronoUnit.MILLIS));
    }
}
