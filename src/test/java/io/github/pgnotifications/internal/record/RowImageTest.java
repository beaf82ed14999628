package io.github.pgnotifications.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowImageTest {

    private static Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", 7L);
        json.put("name", "Ada");
        json.put("deleted_at", null);
        return json;
    }

    @Test
    void keepsTheColumnOrderTheValuesAsReadAndNulls() {
        RowImage row = RowImage.of(json(), (column, value) -> column.equals("id") ? ((Long) value).intValue() : value);

        assertThat(row.keySet()).containsExactly("id", "name", "deleted_at");
        assertThat(row).containsEntry("id", 7).containsEntry("deleted_at", null).doesNotContainKey("email");
        assertThat(row.get("email")).isNull();
        assertThat(row.toString()).isEqualTo("{id=7, name=Ada, deleted_at=null}");
    }

    @Test
    void equalsAnyMapWithTheSameEntries() {
        RowImage row = RowImage.of(json(), (column, value) -> value);

        assertThat(row).isEqualTo(json()).hasSameHashCodeAs(json());
        assertThat(json()).isEqualTo(row);
    }

    @Test
    void cannotBeChanged() {
        RowImage row = RowImage.of(json(), (column, value) -> value);

        assertThatThrownBy(() -> row.put("id", 8)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> row.remove("id")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(row::clear).isInstanceOf(UnsupportedOperationException.class);
    }
}
