package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.contracts.ContractChange.Kind;
import io.github.pgnotifications.internal.json.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The payload's fields, compared place by place down from the root (see {@link ContractDiff} for the rules). */
final class FieldDiff {

    private final String channel;
    private final boolean observed;
    private final boolean actionsFromTrigger;
    private final Map<String, Object> keptOut;
    private final List<ContractChange> changes = new ArrayList<>();

    FieldDiff(String channel, boolean observed, boolean actionsFromTrigger, Map<String, Object> keptOut) {
        this.channel = channel;
        this.observed = observed;
        this.actionsFromTrigger = actionsFromTrigger;
        this.keptOut = keptOut;
    }

    /** The root's type is the payload kind, compared on its own; below it, everything. */
    List<ContractChange> compareRoot(SchemaShape before, SchemaShape after) {
        compareFields("", before, after);
        before.items().ifPresent(items -> after.items().ifPresent(now -> compare("/*", items, now)));
        return changes;
    }

    private void compare(String path, SchemaShape before, SchemaShape after) {
        compareType(path, before, after);
        compareNull(path, before, after);
        if (!(actionsFromTrigger && path.equals("/action"))) {
            compareValues(path, before, after);
        }
        compareFields(path, before, after);
        before.items().ifPresent(items -> after.items().ifPresent(now -> compare(path + "/*", items, now)));
    }

    private void compareType(String path, SchemaShape before, SchemaShape after) {
        if (before.types().isEmpty() || after.types().isEmpty() || before.sameType(after)) {
            return;
        }
        if (observed && seenWithin(before.types(), after.types())) {
            return;
        }
        add(Kind.BREAKING, path, before.words(), after.words(), "type changed");
    }

    /** Whether every type seen fits the contract's types (an integer is a number). */
    private static boolean seenWithin(Set<String> contract, Set<String> seen) {
        return seen.stream().allMatch(type -> contract.contains(type)
                || type.equals("integer") && contract.contains("number"));
    }

    private void compareNull(String path, SchemaShape before, SchemaShape after) {
        if (!before.nullable() && after.nullable()) {
            add(Kind.BREAKING, path, before.words(), after.words(), "became nullable");
        } else if (before.nullable() && !after.nullable() && !observed) {
            add(Kind.ADDITIVE, path, before.words(), after.words(), "no longer nullable");
        }
    }

    private void compareValues(String path, SchemaShape before, SchemaShape after) {
        if (before.values().isEmpty() && after.values().isEmpty() || before.values().equals(after.values())) {
            return;
        }
        boolean onlyAdded = !before.values().isEmpty() && after.values().containsAll(before.values());
        boolean onlyGone = observed && !after.values().isEmpty() && before.values().containsAll(after.values());
        if (onlyGone) {
            return;
        }
        String what = onlyAdded ? "new allowed value"
                : before.values().size() == 1 ? "constant changed" : "allowed values changed";
        add(onlyAdded ? Kind.ADDITIVE : Kind.BREAKING, path, before.words(), after.words(), what);
    }

    private void compareFields(String path, SchemaShape before, SchemaShape after) {
        Set<String> names = new TreeSet<>(before.properties().keySet());
        names.addAll(after.properties().keySet());
        List<ContractChange> gone = new ArrayList<>();
        List<ContractChange> added = new ArrayList<>();
        for (String name : names) {
            String field = path + "/" + JsonPointer.escape(name);
            Optional<SchemaShape> old = Optional.ofNullable(before.properties().get(name));
            Optional<SchemaShape> now = Optional.ofNullable(after.properties().get(name));
            if (old.isPresent() && now.isPresent()) {
                compareRequired(field, name, before, after);
                compare(field, old.get(), now.get());
            } else if (old.isPresent() && !observed) {
                gone.add(removed(field, name, old.get()));
            } else if (now.isPresent()) {
                added.add(new ContractChange(Kind.ADDITIVE, channel, field, "", now.get().words(),
                        after.required().contains(name) ? "new field" : "new optional field"));
            }
        }
        markRenames(gone, added, before, after);
    }

    private ContractChange removed(String field, String name, SchemaShape old) {
        Object reason = keptOut.get(name);
        return new ContractChange(Kind.BREAKING, channel, field, old.words(),
                reason == null ? "" : "kept out (" + reason + ")", "field removed");
    }

    private void compareRequired(String field, String name, SchemaShape before, SchemaShape after) {
        boolean was = before.required().contains(name);
        boolean is = after.required().contains(name);
        if (was && !is) {
            add(Kind.BREAKING, field, "always present", "sometimes missing", "field became optional");
        } else if (!was && is && !observed) {
            add(Kind.ADDITIVE, field, "optional", "always present", "field became required");
        }
    }

    /** A field gone and one new of the same type beside it may be one renamed: both lines say so. */
    private void markRenames(List<ContractChange> gone, List<ContractChange> added, SchemaShape before,
                             SchemaShape after) {
        for (ContractChange removal : gone) {
            String oldName = lastName(removal.path());
            SchemaShape oldShape = before.properties().get(oldName);
            Optional<ContractChange> twin = added.stream()
                    .filter(addition -> after.properties().get(lastName(addition.path())).sameType(oldShape))
                    .findFirst();
            if (twin.isPresent()) {
                ContractChange addition = twin.get();
                added.remove(addition);
                changes.add(withWhat(removal, removal.what() + " (renamed to " + lastName(addition.path()) + "?)"));
                changes.add(withWhat(addition, addition.what() + " (renamed from " + oldName + "?)"));
            } else {
                changes.add(removal);
            }
        }
        changes.addAll(added);
    }

    private static ContractChange withWhat(ContractChange change, String what) {
        return new ContractChange(change.kind(), change.channel(), change.path(), change.before(), change.after(),
                what);
    }

    private static String lastName(String pointer) {
        List<Object> tokens = Paths.tokens(pointer);
        return tokens.get(tokens.size() - 1).toString();
    }

    private void add(Kind kind, String path, String before, String after, String what) {
        changes.add(new ContractChange(kind, channel, path, before, after, what));
    }
}
