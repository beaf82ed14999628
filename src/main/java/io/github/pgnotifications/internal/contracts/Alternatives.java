package io.github.pgnotifications.internal.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts out what the library reports for an {@code anyOf} ({@code "old": row or null}): each alternative's failures.
 * When the value has the JSON type of one alternative, only what is wrong inside that one matters ({@code old.id}
 * must be an integer, not "old must be null"); when it has the type of none, the alternatives' type failures are
 * one violation ("must be an object or null").
 */
final class Alternatives {

    /** What failed: errors reported as they are, and groups of type failures to report as one. */
    record Sorted(List<Error> single, List<List<Error>> typeMismatches) {
    }

    private Alternatives() {
    }

    static Sorted sort(List<Error> errors) {
        Map<String, List<Error>> mismatches = new LinkedHashMap<>();
        List<Error> others = new ArrayList<>();
        for (Error error : errors) {
            String anyOf = alternativeTypeOf(error);
            if (anyOf != null) {
                mismatches.computeIfAbsent(anyOf + " " + error.getInstanceLocation(), key -> new ArrayList<>())
                        .add(error);
            } else if (!isApplicator(error)) {
                others.add(error);
            }
        }
        List<List<Error>> groups = mismatches.values().stream()
                .filter(group -> others.stream().noneMatch(other -> inside(other, group.get(0)))).toList();
        return new Sorted(others, groups);
    }

    /** The anyOf/oneOf whose alternative's own {@code type} this error is, as a path text; null when not one. */
    private static String alternativeTypeOf(Error error) {
        if (!"type".equals(error.getKeyword())) {
            return null;
        }
        List<Object> path = tokens(error.getEvaluationPath());
        int end = path.size() - 1;
        if (end >= 1 && "$ref".equals(path.get(end - 1))) {
            end--;
        }
        boolean alternative = end >= 2 && path.get(end - 1) instanceof Integer
                && ("anyOf".equals(path.get(end - 2)) || "oneOf".equals(path.get(end - 2)));
        return alternative ? Paths.pointer(path.subList(0, end - 1)) : null;
    }

    /** The anyOf's own summary: its alternatives' failures say more. */
    private static boolean isApplicator(Error error) {
        return "anyOf".equals(error.getKeyword()) || "oneOf".equals(error.getKeyword());
    }

    /** Whether the error is within the anyOf the mismatch belongs to, at or under its value. */
    private static boolean inside(Error other, Error mismatch) {
        String anyOf = alternativeTypeOf(mismatch);
        List<Object> value = tokens(mismatch.getInstanceLocation());
        List<Object> otherValue = tokens(other.getInstanceLocation());
        return Paths.pointer(tokens(other.getEvaluationPath())).startsWith(anyOf + "/")
                && otherValue.size() >= value.size() && otherValue.subList(0, value.size()).equals(value);
    }

    static List<Object> tokens(NodePath path) {
        List<Object> tokens = new ArrayList<>();
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            tokens.add(path.getElement(i));
        }
        return tokens;
    }
}
