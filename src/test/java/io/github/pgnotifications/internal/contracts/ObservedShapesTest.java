package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ObservedShapesTest {

    @Test
    void fieldsAreTheUnionRequiredAreTheFieldsEveryPayloadHadAndTypesAreAsSeen() {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe("orders", "{\"id\": 1, \"total\": 2, \"note\": \"a\", \"lines\": [{\"sku\": \"x\"}]}");
        shapes.observe("orders", "{\"id\": 2, \"total\": 2.5, \"note\": null, \"lines\": [],"
                + " \"meta\": {\"by\": \"b\"}}");

        assertThat(ContractJson.write(shapes.contractOf("orders").orElseThrow())).isEqualTo("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "orders",
                  "description": "Payloads the tests of a run recorded on channel 'orders': field names, JSON types, and the fields every payload had as required",
                  "x-pg-notifications": {
                    "origin": "observed"
                  },
                  "type": "object",
                  "properties": {
                    "id": {
                      "type": "integer"
                    },
                    "lines": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {
                          "sku": {
                            "type": "string"
                          }
                        },
                        "required": ["sku"]
                      }
                    },
                    "meta": {
                      "type": "object",
                      "properties": {
                        "by": {
                          "type": "string"
                        }
                      },
                      "required": ["by"]
                    },
                    "note": {
                      "type": ["null", "string"]
                    },
                    "total": {
                      "type": "number"
                    }
                  },
                  "required": ["id", "lines", "note", "total"]
                }
                """);
    }

    @Test
    void plainTextPayloadsAreStringsAndAChannelWithBothIsEither() {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe("int_channel_message_notify", "region groupkey");
        shapes.observe("mixed", "not json");
        shapes.observe("mixed", "{\"a\": true}");

        ChannelContract text = shapes.contractOf("int_channel_message_notify").orElseThrow();
        assertThat(text.origin()).isEqualTo(ChannelContract.Origin.OBSERVED);
        assertThat(text.schema()).containsEntry("type", "string")
                .containsEntry(ContractJson.EXTENSION, Map.of("origin", "observed", "payload", "text"));
        Map<String, Object> mixed = shapes.contractOf("mixed").orElseThrow().schema();
        assertThat(mixed).containsEntry(ContractJson.EXTENSION, Map.of("origin", "observed", "payload",
                "json-or-text"));
        assertThat(mixed.get("anyOf")).isEqualTo(List.of(Map.of("type", "object", "properties",
                Map.of("a", Map.of("type", "boolean")), "required", List.of("a")), Map.of("type", "string")));
        assertThat(shapes.channels()).containsExactly("int_channel_message_notify", "mixed");
        assertThat(shapes.contractOf("nothing")).isEmpty();
    }

    @Test
    void theSeedTriggersPayloadHasItsEnvelopeAndRows() {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe("users", "{\"timestamp\" : \"2024-01-01T10:00:00+00:00\", \"action\" : \"insert\","
                + " \"db_schema\" : \"public\", \"table\" : \"users\", \"record\" : {\"id\":\"1\",\"first_name\":"
                + "\"a\",\"last_name\":\"b\"}, \"old\" : null}");
        shapes.observe("users", "{\"timestamp\" : \"2024-01-01T10:00:00+00:00\", \"action\" : \"update\","
                + " \"db_schema\" : \"public\", \"table\" : \"users\", \"record\" : {\"id\":\"1\",\"first_name\":"
                + "\"c\",\"last_name\":\"b\"}, \"old\" : {\"id\":\"1\",\"first_name\":\"a\",\"last_name\":\"b\"}}");

        Map<?, ?> properties = (Map<?, ?>) shapes.contractOf("users").orElseThrow().schema().get("properties");
        assertThat(List.<Object>copyOf(properties.keySet())).containsExactly("action", "db_schema", "old", "record", "table",
                "timestamp");
        assertThat(((Map<?, ?>) properties.get("old")).get("type")).isEqualTo(List.of("null", "object"));
        assertThat(((Map<?, ?>) properties.get("old")).get("required"))
                .isEqualTo(List.of("first_name", "id", "last_name"));
    }

    @Test
    void mergeIsCommutativeAssociativeAndIdempotentOverGeneratedShapes() {
        Random random = new Random(19);
        for (int round = 0; round < 200; round++) {
            ChannelContract a = observed(random);
            ChannelContract b = observed(random);
            ChannelContract c = observed(random);

            assertThat(write(ObservedShapes.merge(a, b))).isEqualTo(write(ObservedShapes.merge(b, a)));
            assertThat(write(ObservedShapes.merge(ObservedShapes.merge(a, b), c)))
                    .isEqualTo(write(ObservedShapes.merge(a, ObservedShapes.merge(b, c))));
            assertThat(write(ObservedShapes.merge(a, a))).isEqualTo(write(a));
            assertThat(ObservedShapes.merge(a, b)).isEqualTo(ObservedShapes.merge(b, a));
            assertThat(ObservedShapes.merge(ContractJson.read("c", write(a)), b)).isEqualTo(ObservedShapes.merge(a, b));
        }
    }

    @Test
    void mergingTwoRunsIsObservingAllTheirPayloadsInOne() {
        Random random = new Random(7);
        for (int round = 0; round < 100; round++) {
            List<String> first = payloads(random);
            List<String> second = payloads(random);
            ObservedShapes one = new ObservedShapes();
            ObservedShapes other = new ObservedShapes();
            ObservedShapes both = new ObservedShapes();
            first.forEach(p -> one.observe("c", p));
            second.forEach(p -> other.observe("c", p));
            first.forEach(p -> both.observe("c", p));
            second.forEach(p -> both.observe("c", p));

            ChannelContract merged = ObservedShapes.merge(one.contractOf("c").orElseThrow(),
                    other.contractOf("c").orElseThrow());

            assertThat(write(merged)).isEqualTo(write(both.contractOf("c").orElseThrow()));
            assertThat(ContractJson.read("c", write(merged))).isEqualTo(merged);
        }
    }

    @Test
    @Timeout(30)
    void threadsObservingAtOnceLoseNoField() throws Exception {
        ObservedShapes shapes = new ObservedShapes();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 4; t++) {
            int thread = t;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                    shapes.observe("c", "{\"f" + thread + "_" + i % 10 + "\": 1}");
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(20, TimeUnit.SECONDS)).isTrue();

        Map<?, ?> properties = (Map<?, ?>) shapes.contractOf("c").orElseThrow().schema().get("properties");
        assertThat(properties).hasSize(40);
    }

    @Test
    void onlyObservedContractsOfOneChannelMerge() {
        ChannelContract a = contractOf("a", "1");
        ChannelContract catalog = new ChannelContract("a", ChannelContract.Origin.CATALOG, a.schema());

        assertThatThrownBy(() -> ObservedShapes.merge(a, contractOf("b", "1")))
                .hasMessage("Cannot merge the contracts of channels 'a' and 'b': only contracts of one channel merge");
        assertThatThrownBy(() -> ObservedShapes.merge(a, catalog)).hasMessageContaining("only observed contracts");
        ChannelContract broken = new ChannelContract("a", ChannelContract.Origin.OBSERVED, Map.of("type", "object",
                "properties", Map.of("x", "not a schema")));
        assertThatThrownBy(() -> ObservedShapes.merge(a, broken)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The observed contract of channel 'a' is not as pg-notifications writes one");
    }

    private static String write(ChannelContract contract) {
        return ContractJson.write(contract);
    }

    private static ChannelContract observed(Random random) {
        ObservedShapes shapes = new ObservedShapes();
        payloads(random).forEach(p -> shapes.observe("c", p));
        return shapes.contractOf("c").orElseThrow();
    }

    private static ChannelContract contractOf(String channel, String payload) {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe(channel, payload);
        return shapes.contractOf(channel).orElseThrow();
    }

    private static List<String> payloads(Random random) {
        List<String> payloads = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            payloads.add(random.nextInt(8) == 0 ? "plain text " + i : JsonWriter.write(value(random, 0)));
        }
        return payloads;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> (long) random.nextInt(100);
            case 3 -> new java.math.BigDecimal("1.5");
            case 4 -> "s";
            case 5 -> java.util.Arrays.asList(value(random, depth + 1), value(random, depth + 1));
            default -> object(random, depth);
        };
    }

    private static Map<String, Object> object(Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c", "d")) {
            if (random.nextBoolean()) {
                object.put(name, value(random, depth + 1));
            }
        }
        return object;
    }
}
