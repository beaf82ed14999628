package io.github.pgnotifications.internal.record;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A row as {@code record()} and {@code old()} hold it: unmodifiable, in column order, {@code null} values allowed.
 * Two arrays instead of a linked hash map, because a recording holds a hundred thousand rows and each one's entries
 * would otherwise cost more than its values.
 */
final class RowImage extends AbstractMap<String, Object> {

    private final String[] columns;
    private final Object[] values;

    RowImage(String[] columns, Object[] values) {
        this.columns = columns;
        this.values = values;
    }

    @Override
    public int size() {
        return columns.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return columns.length;
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < columns.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (next >= columns.length) {
                            throw new NoSuchElementException();
                        }
                        int index = next++;
                        return new SimpleImmutableEntry<>(columns[index], values[index]);
                    }
                };
            }
        };
    }

    /** Copies a map's entries, in its order, reading each value with {@code read}. */
    static RowImage of(Map<?, ?> map, BiFunction<String, Object, Object> read) {
        String[] columns = new String[map.size()];
        Object[] values = new Object[map.size()];
        int i = 0;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            columns[i] = (String) entry.getKey();
            values[i] = read.apply(columns[i], entry.getValue());
            i++;
        }
        return new RowImage(columns, values);
    }
}
