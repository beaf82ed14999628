package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
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
        return AssertionMessages.trigger(trigger.name(), trigger.timing(), trigger.events(),
                trigger.schema() + "." + trigger.table(), trigger.level(), trigger.function(), trigger.enabled());
    }

    private String show(Object value) {
        return info.representation().toStringOf(value);
    }
}
