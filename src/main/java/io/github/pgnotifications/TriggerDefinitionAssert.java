package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
import io.github.pgnotifications.internal.assertions.WhenClause;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one trigger's definition. Obtain one with {@link TriggersAssert#hasTrigger(String, String)} or
 * {@link PgNotificationsAssertions#assertThat(TriggerDefinition)}.
 *
 * <pre>{@code
 * assertThatTriggers(db).hasTrigger("users", "users_notify")
 *         .isAfter().firesOn("INSERT", "UPDATE", "DELETE").isRowLevel().callsFunction("public.notify_trigger")
 *         .isEnabled();
 * assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
 *         .firesOnUpdateOf("status").hasCondition("old.status IS DISTINCT FROM new.status");
 * }</pre>
 */
public final class TriggerDefinitionAssert extends AbstractAssert<TriggerDefinitionAssert, TriggerDefinition> {

    private static final List<String> EVENTS = List.of("INSERT", "UPDATE", "DELETE", "TRUNCATE");

    TriggerDefinitionAssert(TriggerDefinition actual) {
        super(actual, TriggerDefinitionAssert.class);
    }

    /**
     * Checks that the trigger fires after the change, as a {@code NOTIFY} trigger should: it then sees only changes
     * that really happen.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").isAfter();}</pre>
     *
     * @return this assertion object
     */
    public TriggerDefinitionAssert isAfter() {
        return hasTiming("AFTER");
    }

    /**
     * Checks that the trigger fires before the change.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_set_updated_at").isBefore();}</pre>
     *
     * @return this assertion object
     */
    public TriggerDefinitionAssert isBefore() {
        return hasTiming("BEFORE");
    }

    /**
     * Checks that the trigger fires on exactly these events, in any order.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").firesOn("INSERT", "UPDATE");}</pre>
     *
     * @param events one or more of {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in any case
     * @return this assertion object
     * @throws IllegalArgumentException if no event is given or one is not among those four
     */
    public TriggerDefinitionAssert firesOn(String... events) {
        isNotNull();
        Set<String> expected = events(events);
        if (!actual.events().equals(expected)) {
            failWithActualExpectedAndMessage(actual.events(), expected, AssertionMessages.TRIGGER_EVENTS, trigger(),
                    show(expected), show(actual.events()));
        }
        return myself;
    }

    /**
     * Checks that the trigger fires on {@code UPDATE OF} exactly these columns, in any order: it fires on an update
     * only when one of them is a target of the {@code SET}.
     *
     * <pre>{@code
     * assertThatTriggers(db).hasTrigger("payment", "payment_status_changed").firesOnUpdateOf("status");
     * }</pre>
     *
     * @param columns one or more column names, as stored (unquoted)
     * @return this assertion object
     * @throws IllegalArgumentException if no column is given, or null
     */
    public TriggerDefinitionAssert firesOnUpdateOf(String... columns) {
        isNotNull();
        if (columns == null || columns.length == 0 || Arrays.asList(columns).contains(null)) {
            throw new IllegalArgumentException(AssertionMessages.badUpdateColumns(columns));
        }
        List<String> expected = List.of(columns);
        if (!actual.events().contains("UPDATE")) {
            failWithActualExpectedAndMessage(actual.events(), expected, AssertionMessages.TRIGGER_NO_UPDATE, trigger(),
                    show(expected));
        } else if (actual.updateColumns().isEmpty()) {
            failWithActualExpectedAndMessage(actual.updateColumns(), expected, AssertionMessages.TRIGGER_UPDATE_OF_ANY,
                    trigger(), show(expected));
        } else if (!Set.copyOf(actual.updateColumns()).equals(Set.copyOf(expected))) {
            failWithActualExpectedAndMessage(actual.updateColumns(), expected, AssertionMessages.TRIGGER_UPDATE_OF,
                    trigger(), show(expected), show(actual.updateColumns()));
        }
        return myself;
    }

    /**
     * Checks the trigger's {@code WHEN} condition, as PostgreSQL prints it: the way psql's {@code \d} shows the
     * trigger ({@code pg_get_triggerdef(oid, true)}), with {@code old} and {@code new} in lower case and PostgreSQL's
     * own parentheses and casts. Parentheses that enclose the whole condition are ignored on both sides, so
     * {@code "(old.status IS DISTINCT FROM new.status)"} and {@code "old.status IS DISTINCT FROM new.status"} both
     * match a trigger created with {@code WHEN (OLD.status IS DISTINCT FROM NEW.status)}. A failure shows the
     * condition as printed.
     *
     * <pre>{@code
     * assertThatTriggers(db).hasTrigger("payment", "payment_status_changed")
     *         .hasCondition("old.status IS DISTINCT FROM new.status");
     * }</pre>
     *
     * @param condition the condition as PostgreSQL prints it
     * @return this assertion object
     * @throws IllegalArgumentException if the condition is null or blank
     */
    public TriggerDefinitionAssert hasCondition(String condition) {
        isNotNull();
        if (condition == null || condition.isBlank()) {
            throw new IllegalArgumentException(AssertionMessages.badCondition(condition));
        }
        String expected = WhenClause.trimmed(condition);
        if (actual.condition() == null) {
            failWithActualExpectedAndMessage(null, expected, AssertionMessages.TRIGGER_NO_CONDITION, trigger(),
                    show(expected));
        } else if (!WhenClause.trimmed(actual.condition()).equals(expected)) {
            failWithActualExpectedAndMessage(actual.condition(), expected, AssertionMessages.TRIGGER_CONDITION,
                    trigger(), show(expected), show(actual.condition()));
        }
        return myself;
    }

    /**
     * Checks that the trigger has no {@code WHEN} condition: it fires on every row (or statement) of its events.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").hasNoCondition();}</pre>
     *
     * @return this assertion object
     */
    public TriggerDefinitionAssert hasNoCondition() {
        isNotNull();
        if (actual.condition() != null) {
            failWithActualExpectedAndMessage(actual.condition(), null, AssertionMessages.TRIGGER_HAS_CONDITION,
                    trigger(), show(actual.condition()));
        }
        return myself;
    }

    /**
     * Checks that the trigger fires once per changed row ({@code FOR EACH ROW}), as a trigger that sends each row
     * must.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").isRowLevel();}</pre>
     *
     * @return this assertion object
     */
    public TriggerDefinitionAssert isRowLevel() {
        return hasLevel("ROW");
    }

    /**
     * Checks that the trigger fires once per statement ({@code FOR EACH STATEMENT}).
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_changed").isStatementLevel();}</pre>
     *
     * @return this assertion object
     */
    public TriggerDefinitionAssert isStatementLevel() {
        return hasLevel("STATEMENT");
    }

    /**
     * Checks the function the trigger executes.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").callsFunction("public.notify");}</pre>
     *
     * @param function the function's schema-qualified name, e.g. {@code public.notify_trigger}; a name without a
     *                 schema matches the function of that name in any schema
     * @return this assertion object
     */
    public TriggerDefinitionAssert callsFunction(String function) {
        isNotNull();
        String called = function != null && function.indexOf('.') < 0
                ? actual.function().substring(actual.function().indexOf('.') + 1) : actual.function();
        if (!called.equals(function)) {
            failWithActualExpectedAndMessage(actual.function(), function, AssertionMessages.TRIGGER_FUNCTION, trigger(),
                    show(function), show(actual.function()));
        }
        return myself;
    }

    /**
     * Checks that the trigger is enabled: a disabled trigger sends nothing.
     *
     * <pre>{@code assertThatTriggers(db).hasTrigger("users", "users_notify").isEnabled();}</pre>
     *
     * @return this assertion object
     */
    public TriggerDefinitionAssert isEnabled() {
        isNotNull();
        if (!actual.enabled()) {
            failWithActualExpectedAndMessage(false, true, AssertionMessages.TRIGGER_ENABLED, trigger());
        }
        return myself;
    }

    private TriggerDefinitionAssert hasTiming(String timing) {
        isNotNull();
        if (!actual.timing().equals(timing)) {
            failWithActualExpectedAndMessage(actual.timing(), timing, AssertionMessages.TRIGGER_TIMING, trigger(),
                    timing, actual.timing());
        }
        return myself;
    }

    private TriggerDefinitionAssert hasLevel(String level) {
        isNotNull();
        if (!actual.level().equals(level)) {
            failWithActualExpectedAndMessage(actual.level(), level, AssertionMessages.TRIGGER_LEVEL, trigger(), level,
                    actual.level());
        }
        return myself;
    }

    /** The given events in the catalog's order, so that sets compare and print alike. */
    private static Set<String> events(String[] events) {
        if (events == null || events.length == 0) {
            throw new IllegalArgumentException(AssertionMessages.badEvents(events));
        }
        List<String> given = Arrays.stream(events).map(e -> e == null ? "" : e.toUpperCase(Locale.ROOT)).toList();
        if (!EVENTS.containsAll(given)) {
            throw new IllegalArgumentException(AssertionMessages.badEvents(events));
        }
        Set<String> ordered = new LinkedHashSet<>(EVENTS);
        ordered.retainAll(given);
        return ordered;
    }

    private String trigger() {
        return describe(actual);
    }

    /** The trigger as its {@code CREATE TRIGGER} would read, for messages. */
    static String describe(TriggerDefinition trigger) {
        return AssertionMessages.trigger(trigger.name(), trigger.timing(), trigger.events(), trigger.updateColumns(),
                trigger.schema() + "." + trigger.table(), trigger.level(), trigger.condition(), trigger.function(),
                trigger.enabled());
    }

    private String show(Object value) {
        return info.representation().toStringOf(value);
    }
}
