package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.contracts.ChannelContract.Origin;
import io.github.pgnotifications.internal.contracts.ContractChange.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between a committed contract and the one this run derives (catalog) or records (observed), each
 * change classified for the consumers of the channel.
 *
 * <p>Breaking: a field removed (catalog), a JSON, SQL or Java type changed, nullable where it was not, a field that
 * was always there now sometimes missing, the key changed, an action no longer fired, {@code UPDATE OF} or
 * {@code WHEN} narrowed, a table no longer sending on the channel, a constant or an allowed value changed or gone, the
 * channel's origin (catalog, observed) or payload kind (JSON, text) changed. Additive: a new field (a new column),
 * a new action, a new table or allowed value, {@code UPDATE OF} or {@code WHEN} widened, not-null where it was
 * nullable, a field now always there where it was optional (a consumer that coped with its absence still does).
 *
 * <p>Decided where the design is silent:
 * <ul>
 *   <li>Observed contracts hold only what a run saw, and a run cannot prove absence: a committed field, type,
 *       {@code null} or payload kind the run did not see is no change (the validator fails a payload that lacks a
 *       required field); a field the run saw missing from some payload while the contract says it is always there
 *       is breaking (the validator reports that payload too); new fields, types and kinds are changes as usual.
 *       A field seen both as integer and as a number where the contract says number is no change.</li>
 *   <li>A changed {@code WHEN} that is neither added nor removed counts as narrowed: the library cannot compare
 *       two conditions.</li>
 *   <li>A changed origin is the only change reported for that channel: the two kinds of contract describe fields
 *       differently (closed rows against open objects), and field by field lines would only repeat it.</li>
 *   <li>An array's elements are compared at the path {@code /field/*}.</li>
 *   <li>{@code action}'s allowed values are reported as actions (from the trigger's description), not twice.</li>
 *   <li>A removed field and an added one of the same type in the same object are each marked "renamed?".</li>
 *   <li>A change of the table's row is said once, at {@code record}, though {@code old} carries the same row.</li>
 * </ul>
 * Changes come sorted by path, breaking before additive at one path, then by rule: the same for the same input.
 */
public final class ContractDiff {

    private ContractDiff() {
    }

    public static List<ContractChange> compare(ChannelContract committed, ChannelContract current) {
        String channel = current.channel();
        List<ContractChange> changes = new ArrayList<>();
        if (committed.origin() != current.origin()) {
            changes.add(new ContractChange(Kind.BREAKING, channel, "", origin(committed.origin()),
                    origin(current.origin()), "origin changed"));
            return changes;
        }
        boolean observed = current.origin() == Origin.OBSERVED;
        changes.addAll(payloadKinds(channel, committed.schema(), current.schema(), observed));
        changes.addAll(TriggerDiff.compare(channel, committed.schema(), current.schema()));
        changes.addAll(new FieldDiff(channel, observed, TriggerDiff.hasActions(current.schema()),
                TriggerDiff.keptOut(current.schema()))
                .compareRoot(SchemaShape.of(committed.schema()), SchemaShape.of(current.schema())));
        changes.sort(ORDER);
        return withoutOldRowRepeats(changes);
    }

    /**
     * A change event's {@code old} carries the same row as its {@code record}: a change of the row is said once, at
     * {@code record}.
     */
    private static List<ContractChange> withoutOldRowRepeats(List<ContractChange> changes) {
        Set<ContractChange> kept = new LinkedHashSet<>(changes);
        for (ContractChange change : changes) {
            if (change.path().startsWith("/old/")) {
                ContractChange atRecord = new ContractChange(change.kind(), change.channel(),
                        "/record/" + change.path().substring("/old/".length()), change.before(), change.after(),
                        change.what());
                if (kept.contains(atRecord)) {
                    kept.remove(change);
                }
            }
        }
        return List.copyOf(kept);
    }

    static final Comparator<ContractChange> ORDER = Comparator.comparing(ContractChange::path)
            .thenComparing(ContractChange::kind).thenComparing(ContractChange::what)
            .thenComparing(ContractChange::before).thenComparing(ContractChange::after);

    private static String origin(Origin origin) {
        return origin == Origin.CATALOG ? "derived from the catalog (the library's trigger)"
                : "observed from recorded payloads";
    }

    private static List<ContractChange> payloadKinds(String channel, Map<String, Object> committed,
                                                     Map<String, Object> current, boolean observed) {
        Set<String> before = payloadKinds(committed);
        Set<String> after = payloadKinds(current);
        boolean changed = observed ? !before.containsAll(after) : !before.equals(after);
        if (!changed) {
            return List.of();
        }
        return List.of(new ContractChange(Kind.BREAKING, channel, "", String.join(" or ", before),
                String.join(" or ", after), "payload kind changed"));
    }

    /** "JSON", "text", or both: plain text is a root of type string, alone or as an alternative. */
    static Set<String> payloadKinds(Map<String, Object> schema) {
        Set<String> kinds = new TreeSet<>();
        List<Object> alternatives = SchemaShape.asList(schema.get("anyOf"));
        for (Object alternative : alternatives.isEmpty() ? List.<Object>of(schema) : alternatives) {
            kinds.add(Objects.equals(SchemaShape.asMap(alternative).get("type"), "string") ? "text" : "JSON");
        }
        return kinds;
    }
}
