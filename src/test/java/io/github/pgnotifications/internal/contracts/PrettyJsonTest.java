package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.internal.json.JsonReader;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void objectsTakeALinePerMemberListsOfScalarsOneLineAndEmptyOnesStayShort() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("empty object", Map.of());
        tree.put("empty list", List.of());
        tree.put("scalars", Arrays.asList(1L, new BigDecimal("1.10"), true, null, "a\"b\\c\n\u0001ü😀"));
        tree.put("objects", List.of(Map.of("a", 1L), List.of()));

        assertThat(PrettyJson.write(tree)).isEqualTo("""
                {
                  "empty object": {},
                  "empty list": [],
                  "scalars": [1, 1.10, true, null, "a\\"b\\\\c\\n\\u0001ü😀"],
                  "objects": [
                    {
                      "a": 1
                    },
                    []
                  ]
                }
                """);
    }

    @Test
    void whatItWritesReadsBackEqual() throws Exception {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("n", Arrays.asList(1L, new BigDecimal("1E+3"), null));
        tree.put("nested", Map.of("deeper", List.of(Map.of("x", List.of("y")))));

        assertThat(JsonReader.parse(PrettyJson.write(tree))).isEqualTo(tree);
        assertThat(PrettyJson.write("just text")).isEqualTo("\"just text\"\n");
    }
}
