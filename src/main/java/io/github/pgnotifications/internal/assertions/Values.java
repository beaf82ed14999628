package io.github.pgnotifications.internal.assertions;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Equality by value, as the library matches ids: numbers by their decimal value ({@code 7}, {@code 7L} and
 * {@code 7.0} are equal), maps and lists element by element, anything else by {@code equals}.
 */
public final class Values {

    private Values() {
    }

    public static boolean equal(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            BigDecimal x = decimal(a);
            BigDecimal y = decimal(e);
            return x != null && y != null ? x.compareTo(y) == 0 : a.equals(e);
        }
        if (actual instanceof Map<?, ?> a && expected instanceof Map<?, ?> e) {
            return a.keySet().equals(e.keySet()) && a.keySet().stream().allMatch(k -> equal(a.get(k), e.get(k)));
        }
        if (actual instanceof List<?> a && expected instanceof List<?> e) {
            if (a.size() != e.size()) {
                return false;
            }
            Iterator<?> other = e.iterator();
            return a.stream().allMatch(item -> equal(item, other.next()));
        }
        return Objects.equals(actual, expected);
    }

    /** The columns whose value differs between two row images, or which only one of them has; in column order. */
    public static Set<String> changedColumns(Map<String, Object> old, Map<String, Object> record) {
        Set<String> columns = new LinkedHashSet<>(old.keySet());
        columns.addAll(record.keySet());
        columns.removeIf(c -> old.containsKey(c) == record.containsKey(c) && equal(old.get(c), record.get(c)));
        return columns;
    }

    private static BigDecimal decimal(Number number) {
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException notFinite) {
            return null;
        }
    }
}
