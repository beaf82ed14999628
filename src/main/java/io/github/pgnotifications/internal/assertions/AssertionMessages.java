package io.github.pgnotifications.internal.assertions;

import io.github.pgnotifications.internal.diagnostics.Texts;
import io.github.pgnotifications.internal.diagnostics.Timeline;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.assertj.core.presentation.Representation;

/**
 * Every message of the AssertJ layer, in one place. The templates follow AssertJ's: {@code %n}-separated blocks with
 * the actual and expected values indented, values shown in the assertion's representation (strings in double
 * quotes), channel names in single quotes as in the library's own messages.
 */
public final class AssertionMessages {

    // Channels
    public static final String RECEIVED_EXACTLY =
            "%nExpecting channel '%s' to have received exactly %s but received %s:%n  %s";

    // Change events
    public static final String HAS_ACTION = "%nExpecting change event:%n  %s%nto have action:%n  %s%nbut had:%n  %s";
    public static final String HAS_TABLE = "%nExpecting change event:%n  %s%nto be on table:%n  %s%nbut was on:%n  %s";
    public static final String HAS_SCHEMA =
            "%nExpecting change event:%n  %s%nto be in schema:%n  %s%nbut was in:%n  %s";
    public static final String MISSING_COLUMN = "%nExpecting %s of %s:%n  %s%nto have column:%n  %s%nbut it has only:"
            + "%n  %s%s";
    public static final String RECORD_VALUE =
            "%nExpecting record of %s:%n  %s%nto contain:%n  %s=%s%nbut %s was:%n  %s";
    public static final String NOT_AN_UPDATE = "%nExpecting change event:%n  %s%nto be an UPDATE (only an update has"
            + " an old row to compare with)%nbut its action is %s";
    public static final String CHANGED = "%nExpecting %s to change %s%n  from: %s%n  to:   %s%nbut the old row has %s"
            + " and the new row has %s%s";
    public static final String CHANGED_COLUMNS =
            "%nExpecting %s to change exactly the columns:%n  %s%nbut it changed:%n  %s%s";
    public static final String TRUNCATED =
            "%nExpecting change event:%n  %s%nto be truncated (too large for one notification, its largest columns left"
            + " out), but it carries the whole row";
    public static final String NOT_TRUNCATED = "%nExpecting change event:%n  %s%nnot to be truncated, but the row was"
            + " too large for one notification and its payload left out:%n  %s";

    // Notifications
    public static final String HAS_CHANNEL =
            "%nExpecting the notification with payload:%n  %s%nto be on channel:%n  %s%nbut it is on:%n  %s";
    public static final String PAYLOAD_IS = "%nExpecting payload of the notification on channel '%s':%n  %s%nto be:%n  %s";
    public static final String PAYLOAD_CONTAINS =
            "%nExpecting payload of the notification on channel '%s':%n  %s%nto contain:%n  %s";
    public static final String PAYLOAD_MATCHES =
            "%nExpecting payload of the notification on channel '%s':%n  %s%nto match the regular expression:%n  %s";
    public static final String NOT_JSON =
            "%nExpecting payload of the notification on channel '%s':%n  %s%nto be JSON, but it is not: %s";
    public static final String NO_JSON_VALUE = "%nExpecting JSON payload of the notification on channel '%s':%n  %s"
            + "%nto have a value at:%n  %s%nbut there is none; at %s there is:%n  %s";
    public static final String NO_JSON_VALUE_AT_ALL = "%nExpecting JSON payload of the notification on channel '%s':"
            + "%n  %s%nto have a value at:%n  %s%nbut there is none";
    public static final String JSON_VALUE = "%nExpecting JSON payload of the notification on channel '%s':%n  %s"
            + "%nto have at %s:%n  %s%nbut it has:%n  %s";
    public static final String PAYLOAD_AS = "%nExpecting payload of the notification on channel '%s':%n  %s"
            + "%nto be JSON readable as %s, but it is not: %s";

    // Triggers
    public static final String TRIGGER_NOT_ON_TABLE =
            "%nExpecting table %s to have a trigger named:%n  %s%nbut its triggers are:%n  %s";
    public static final String TABLE_WITHOUT_TRIGGERS =
            "%nExpecting table %s to have a trigger named:%n  %s%nbut it has no triggers";
    public static final String NO_SUCH_TABLE = "%nExpecting table %s to have a trigger named:%n  %s%nbut there is no"
            + " such table; tables with triggers:%n  %s";
    public static final String TABLE_IN_LOWER_CASE = "%nExpecting table %s to have a trigger named:%n  %s%nbut there"
            + " is no such table; there is:%n  %s%nPostgreSQL stores unquoted names in lower case: name the table %s.";
    public static final String TRIGGER_NAME_CASE = "%nExpecting table %s to have a trigger named:%n  %s%nbut it has"
            + " one named:%n  %s%n%s: name the trigger as it is stored.";
    public static final String TRIGGER_TIMING = "%nExpecting trigger:%n  %s%nto fire:%n  %s%nbut it fires:%n  %s";
    public static final String TRIGGER_EVENTS =
            "%nExpecting trigger:%n  %s%nto fire on exactly:%n  %s%nbut it fires on:%n  %s";
    public static final String TRIGGER_UPDATE_OF =
            "%nExpecting trigger:%n  %s%nto fire on UPDATE OF exactly:%n  %s%nbut it fires on UPDATE OF:%n  %s";
    public static final String TRIGGER_UPDATE_OF_ANY = "%nExpecting trigger:%n  %s%nto fire on UPDATE OF exactly:"
            + "%n  %s%nbut it fires on an UPDATE of any column: its definition has no UPDATE OF";
    public static final String TRIGGER_NO_UPDATE =
            "%nExpecting trigger:%n  %s%nto fire on UPDATE OF exactly:%n  %s%nbut it does not fire on UPDATE";
    public static final String TRIGGER_CONDITION = "%nExpecting trigger:%n  %s%nto fire only WHEN:%n  %s%nbut its"
            + " condition is:%n  %s%nPostgreSQL prints conditions in its own way (old and new in lower case, its own"
            + " parentheses and casts): if the condition above is the one you meant, expect it as printed.";
    public static final String TRIGGER_NO_CONDITION =
            "%nExpecting trigger:%n  %s%nto fire only WHEN:%n  %s%nbut it has no WHEN condition";
    public static final String TRIGGER_HAS_CONDITION =
            "%nExpecting trigger:%n  %s%nto have no WHEN condition, but it fires only WHEN:%n  %s";
    public static final String TRIGGER_LEVEL =
            "%nExpecting trigger:%n  %s%nto fire:%n  FOR EACH %s%nbut it fires:%n  FOR EACH %s";
    public static final String TRIGGER_FUNCTION =
            "%nExpecting trigger:%n  %s%nto call function:%n  %s%nbut it calls:%n  %s";
    public static final String TRIGGER_ENABLED = "%nExpecting trigger:%n  %s%nto be enabled, but it is disabled"
            + " (ALTER TABLE ... DISABLE TRIGGER)";

    private AssertionMessages() {
    }

    // Misuse: thrown as IllegalArgumentException, not as assertion failures.

    public static String badCount(int count) {
        return "receivedExactly(" + count + "): the count must be zero or more, e.g. receivedExactly(2).";
    }

    public static String notOurChannel(String type) {
        return "assertThat(ChannelRecorder) takes a channel of the recorder, recorder.channel(name), not a " + type
                + ".";
    }

    public static String notOurRecorder(String type) {
        return "assertThat(NotificationRecorder) takes the recorder the extension injects, not a " + type + ".";
    }

    public static String badPointer(String pointer) {
        return "hasJsonValue(" + (pointer == null ? "null" : "\"" + pointer + "\"") + ", ...): a JSON pointer is empty or starts with '/', e.g."
                + " \"/record/first_name\".";
    }

    public static String badEvents(String[] events) {
        return "firesOn(" + (events == null ? "null" : Arrays.toString(events)) + "): name one or more of INSERT,"
                + " UPDATE, DELETE, TRUNCATE, e.g. firesOn(\"INSERT\", \"UPDATE\").";
    }

    public static String badUpdateColumns(String[] columns) {
        return "firesOnUpdateOf(" + (columns == null ? "null" : Arrays.toString(columns)) + "): name one or more"
                + " columns, e.g. firesOnUpdateOf(\"status\"); for a trigger on an update of any column, use"
                + " firesOn(\"UPDATE\").";
    }

    public static String badCondition(String condition) {
        return "hasCondition(" + (condition == null ? "null" : "\"" + condition + "\"") + "): give the WHEN condition"
                + " as PostgreSQL prints it, e.g. hasCondition(\"old.status IS DISTINCT FROM new.status\"); for a"
                + " trigger without one, use hasNoCondition().";
    }

    public static String catalogUnreadable(String cause) {
        return "Could not read the triggers from the catalog: " + cause;
    }

    // Parts of messages

    /** Lines of a block, each on its own line and indented like the block's first. */
    public static String lines(List<String> lines) {
        return String.join(System.lineSeparator() + "  ", lines);
    }

    /** The newest lines of a long list, after a line saying how many earlier ones are left out, as timelines do. */
    public static String newestLines(List<String> lines) {
        return lines(Texts.newest(lines, Timeline.LINES_SHOWN));
    }

    public static String notifications(int count) {
        return count + (count == 1 ? " notification" : " notifications");
    }

    /** {@code UPDATE on public.users}, the way messages name a change event. */
    public static String header(String action, String schema, String table, boolean truncated) {
        return action + " on " + (schema == null ? "" : schema + ".") + (table == null ? "(no table)" : table)
                + (truncated ? " (truncated)" : "");
    }

    /** The header and the row images: {@code UPDATE on public.users {"id"=1, ...}, old {"id"=1, ...}}. */
    public static String summary(String header, String record, String oldOrNull) {
        return header + " " + record + (oldOrNull == null ? "" : ", old " + oldOrNull);
    }

    /** One line per received notification, for a channel's failure messages: the action and row, or the payload. */
    public static String received(String action, String record, String payload, Representation shown) {
        if (action == null) {
            String preview = payload.length() > Texts.PAYLOAD_PREVIEW
                    ? payload.substring(0, Texts.PAYLOAD_PREVIEW) + "..." : payload;
            return "not a change event: " + shown.toStringOf(preview);
        }
        return action + " " + record;
    }

    public static String truncatedHint(boolean truncated, List<String> omitted) {
        return truncated ? System.lineSeparator() + "The payload was truncated (the row was too large for one"
                + " notification): it left out " + omitted + "." : "";
    }

    /**
     * A trigger as its {@code CREATE TRIGGER} would read, names unquoted: {@code users_notify AFTER INSERT OR UPDATE
     * OF status ON public.users FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status) EXECUTE FUNCTION ...}.
     */
    public static String trigger(String name, String timing, Collection<String> events, List<String> updateColumns,
                                 String table, String level, String condition, String function, boolean enabled) {
        List<String> fired = events.stream().map(event -> event.equals("UPDATE") && !updateColumns.isEmpty()
                ? "UPDATE OF " + String.join(", ", updateColumns) : event).toList();
        return name + " " + timing + " " + String.join(" OR ", fired) + " ON " + table + " FOR EACH " + level
                + (condition == null ? "" : " WHEN (" + condition + ")") + " EXECUTE FUNCTION " + function + "()"
                + (enabled ? "" : " (disabled)");
    }

    /** Why a name that differs only in case is not found. */
    public static String caseRule(String stored) {
        return stored.equals(stored.toLowerCase(Locale.ROOT)) ? "PostgreSQL stores unquoted names in lower case"
                : "A name created in double quotes keeps its case";
    }
}
