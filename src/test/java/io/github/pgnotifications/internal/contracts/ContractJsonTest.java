package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractJsonTest {

    @Test
    void membersAreWrittenInTheFixedOrderWhateverOrderTheTreeHoldsThem() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("additionalProperties", false);
        row.put("required", List.of("b", "a"));
        row.put("properties", Map.of("type", Map.of("type", "string"), "a", Map.of("type", List.of("integer", "null"))));
        row.put("type", "object");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$defs", Map.of("row", row));
        schema.put("type", "object");
        schema.put(ContractJson.EXTENSION, Map.of("when", "x", "origin", "catalog"));
        schema.put("title", "t");
        schema.put("$schema", ContractJson.DIALECT);
        schema.put("x-other", "last");

        String json = ContractJson.write(new ChannelContract("t", ChannelContract.Origin.CATALOG, schema));

        assertThat(json).isEqualTo("""
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "t",
                  "x-pg-notifications": {
                    "origin": "catalog",
                    "when": "x"
                  },
                  "type": "object",
                  "$defs": {
                    "row": {
                      "type": "object",
                      "properties": {
                        "a": {
                          "type": ["integer", "null"]
                        },
                        "type": {
                          "type": "string"
                        }
                      },
                      "required": ["b", "a"],
                      "additionalProperties": false
                    }
                  },
                  "x-other": "last"
                }
                """);
    }

    @Test
    void whatIsWrittenReadsBackEqualAndWritesTheSameBytes() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", ContractJson.DIALECT);
        schema.put("title", "a \"quoted\" ü channel");
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("origin", "catalog");
        extension.put("when", null);
        extension.put("update-of", List.of());
        extension.put("kept-out", Map.of());
        schema.put(ContractJson.EXTENSION, extension);
        schema.put("properties", Map.of("x", Map.of("enum", java.util.Arrays.asList("a", null))));
        ChannelContract contract = new ChannelContract("a \"quoted\" ü channel", ChannelContract.Origin.CATALOG,
                schema);

        String json = ContractJson.write(contract);
        ChannelContract read = ContractJson.read(contract.channel(), json);

        assertThat(read).isEqualTo(contract);
        assertThat(ContractJson.write(read)).isEqualTo(json);
        assertThat(json).endsWith("}\n").doesNotContain("\r").contains("\"update-of\": []", "\"when\": null");
    }

    @Test
    void theOriginIsReadFromTheFile() {
        String observed = "{\"$schema\": \"" + ContractJson.DIALECT
                + "\", \"x-pg-notifications\": {\"origin\": \"observed\"}, \"type\": \"string\"}";

        assertThat(ContractJson.read("c", observed).origin()).isEqualTo(ChannelContract.Origin.OBSERVED);
    }

    @Test
    void aFileThatIsNotAContractSaysWhyAndHowToFixIt() {
        assertThatThrownBy(() -> ContractJson.read("c", "{\"a\": "))
                .hasMessageStartingWith("Not a pg-notifications contract: it is not JSON (")
                .hasMessageEndingWith("rewrite every contract with -Dpgnotifications.contracts=update, and review"
                        + " the result.");
        assertThatThrownBy(() -> ContractJson.read("c", "[1]"))
                .hasMessageStartingWith("Not a pg-notifications contract: it holds an array, where a JSON Schema"
                        + " object was expected. ");
        assertThatThrownBy(() -> ContractJson.read("c", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}"))
                .hasMessageStartingWith("Not a pg-notifications contract: its \"$schema\" is"
                        + " \"http://json-schema.org/draft-07/schema#\", expected \"" + ContractJson.DIALECT + "\". ");
        assertThatThrownBy(() -> ContractJson.read("c", "{\"$schema\": \"" + ContractJson.DIALECT + "\"}"))
                .hasMessageStartingWith("Not a pg-notifications contract: its \"x-pg-notifications\".\"origin\" is"
                        + " missing (or null), expected \"catalog\" or \"observed\". ");
        assertThatThrownBy(() -> ContractJson.read("c", "{\"$schema\": \"" + ContractJson.DIALECT
                + "\", \"title\": \"users\", \"x-pg-notifications\": {\"origin\": \"catalog\"}}"))
                .hasMessageStartingWith("Not a pg-notifications contract: it describes channel 'users' (its"
                        + " \"title\"), but its file name is that of channel 'c' (c.schema.json). ");
    }
}
