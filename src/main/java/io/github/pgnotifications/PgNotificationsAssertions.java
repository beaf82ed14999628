package io.github.pgnotifications;

import javax.sql.DataSource;

/**
 * The entry point of the AssertJ assertions on channels, change events, notifications and trigger definitions. Import
 * it statically, next to AssertJ's own {@code Assertions} if you like: the overloads here take only this library's
 * types, so {@code assertThat(event.record())} still resolves to AssertJ's map assertion.
 *
 * <pre>{@code
 * import static io.github.pgnotifications.ExpectedChange.insert;
 * import static io.github.pgnotifications.ExpectedChange.update;
 * import static io.github.pgnotifications.PgNotificationsAssertions.assertThat;
 * import static io.github.pgnotifications.PgNotificationsAssertions.assertThatTriggers;
 *
 * ChannelRecorder users = recorder.channel("users");
 * assertThat(users).receivedInOrder(insert(42), update(42)).receivedNothingElse();
 * assertThat(users.awaitUpdate(42)).changed("last_name", "Lovelace", "King");
 * assertThatTriggers(db).hasTrigger("users", "users_notify").isAfter().isRowLevel();
 * }</pre>
 */
public final class PgNotificationsAssertions {

    private PgNotificationsAssertions() {
    }

    /**
     * Assertions on what arrived on a channel; those that wait use the channel's timeout
     * ({@link ChannelRecorder#within(java.time.Duration)} sets another).
     *
     * <pre>{@code assertThat(recorder.channel("users")).receivedInsert(42).receivedNothingElse();}</pre>
     *
     * @param actual the channel
     * @return the channel's assertions
     */
    public static ChannelRecorderAssert assertThat(ChannelRecorder actual) {
        return new ChannelRecorderAssert(actual);
    }

    /**
     * Assertions on every listened channel at once.
     *
     * <pre>{@code assertThat(recorder).receivedNothing();}</pre>
     *
     * @param actual the recorder, as injected by {@link PgNotifications}
     * @return the recorder's assertions
     */
    public static NotificationRecorderAssert assertThat(NotificationRecorder actual) {
        return new NotificationRecorderAssert(actual);
    }

    /**
     * Assertions on one change event.
     *
     * <pre>{@code assertThat(users.awaitInsert(42)).hasTable("users").hasRecordContaining("first_name", "Ada");}</pre>
     *
     * @param actual the change event
     * @return the change event's assertions
     */
    public static ChangeEventAssert assertThat(ChangeEvent actual) {
        return new ChangeEventAssert(actual);
    }

    /**
     * Assertions on one notification, whatever its payload format.
     *
     * <pre>{@code assertThat(notification).hasChannel("jobs").hasJsonValue("/job/id", 7);}</pre>
     *
     * @param actual the notification
     * @return the notification's assertions
     */
    public static NotificationAssert assertThat(Notification actual) {
        return new NotificationAssert(actual);
    }

    /**
     * Assertions on one trigger definition, e.g. one of {@link TriggerDefinition#readAll(DataSource)}.
     *
     * <pre>{@code assertThat(TriggerDefinition.readAll(db).get(0)).isAfter().isRowLevel();}</pre>
     *
     * @param actual the trigger definition
     * @return the trigger definition's assertions
     */
    public static TriggerDefinitionAssert assertThat(TriggerDefinition actual) {
        return new TriggerDefinitionAssert(actual);
    }

    /**
     * Assertions on the triggers of a database, read from its catalog: for a team's own {@code NOTIFY} triggers,
     * created by its migrations.
     *
     * <pre>{@code
     * assertThatTriggers(db).hasTrigger("users", "users_notify")
     *         .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel().callsFunction("public.notify_trigger");
     * }</pre>
     *
     * @param db the database, e.g. the one injected by {@link PgNotifications}
     * @return the assertions on its triggers
     */
    public static TriggersAssert assertThatTriggers(DataSource db) {
        return new TriggersAssert(db);
    }
}
