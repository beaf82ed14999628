package io.github.pgnotifications.internal.core;

import io.github.pgnotifications.internal.listen.NotificationListener;
import java.time.Duration;
import java.util.List;

/**
 * What one test class asked for.
 *
 * @param tables           tables to install change triggers on, as given
 * @param channels         further channels to listen on
 * @param scripts          script locations, run in order after the migrations, before the triggers are installed
 * @param sensitiveColumns columns never sent in a payload
 * @param checkSensitive   whether each sensitive column must exist in one of the tables: true when the class named
 *                         them, false for suite-wide names that apply wherever such a column exists
 * @param flyway           Flyway locations to migrate first; empty for none
 * @param liquibase        a Liquibase changelog to update first; empty for none
 * @param timeout          the default await timeout
 * @param health           how the listener checks and restores its connection
 * @param maxRecorded      how many notifications the recorder keeps per test before it drops the oldest
 */
public record SessionSettings(List<String> tables, List<String> channels, List<String> scripts,
                              List<String> sensitiveColumns, boolean checkSensitive, List<String> flyway,
                              String liquibase,
                              Duration timeout, NotificationListener.Health health, int maxRecorded) {

    /** The default await timeout: long enough for a slow CI machine, short enough to fail a test quickly. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** The default window: the newest 100,000 notifications of a test (some tens of megabytes). */
    public static final int DEFAULT_MAX_RECORDED = 100_000;

    /** Settings without migrations, with the default listener health checks. */
    public SessionSettings(List<String> tables, List<String> channels, List<String> scripts,
                           List<String> sensitiveColumns, Duration timeout) {
        this(tables, channels, scripts, sensitiveColumns, true, List.of(), "", timeout,
                NotificationListener.Health.DEFAULT, DEFAULT_MAX_RECORDED);
    }

    /** Copies the lists. */
    public SessionSettings {
        tables = List.copyOf(tables);
        channels = List.copyOf(channels);
        scripts = List.copyOf(scripts);
        sensitiveColumns = List.copyOf(sensitiveColumns);
        flyway = List.copyOf(flyway);
        liquibase = liquibase == null ? "" : liquibase;
        if (maxRecorded < 1) {
            throw new IllegalArgumentException("maxRecorded must be 1 or more, not " + maxRecorded);
        }
    }
}
