package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AsyncAPI documents the library writes are valid AsyncAPI 3.0.0, by the specification's own JSON Schema. */
class AsyncApiSpecSchemaTest {

    private static final Schema ASYNCAPI_3_0_0 = specification();

    @Test
    void aDocumentOfTextJsonAndMixedChannelsIsValid() {
        String document = AsyncApiDocument.write(List.of(observed("orders", "{\"id\": 1}"),
                observed("int_channel_message_notify", "region groupkey"), observed("odd channel/ü", "{}")));

        assertThat(ASYNCAPI_3_0_0.validate(document, InputFormat.JSON)).isEmpty();
    }

    @Test
    void theCommittedDocumentsOfTheExampleAndTheForkedSuiteAreValid() throws IOException {
        for (String file : List.of("examples/src/test/resources/pg-notifications/asyncapi.json",
                "compat/forked-suite/src/test/resources/pg-notifications/asyncapi.json")) {
            String document = Files.readString(Path.of(file), StandardCharsets.UTF_8);
            assertThat(ASYNCAPI_3_0_0.validate(document, InputFormat.JSON)).as(file).isEmpty();
        }
    }

    @Test
    void theSpecificationSchemaRejectsADocumentThatIsNot() {
        assertThat(ASYNCAPI_3_0_0.validate("{\"asyncapi\": \"3.0.0\", \"channels\": {}}", InputFormat.JSON))
                .as("no info: the check is not vacuous").isNotEmpty();
        String channelWithANumberForAddress = AsyncApiDocument.write(List.of(observed("orders", "{}")))
                .replace("\"address\": \"orders\"", "\"address\": 5");
        assertThat(ASYNCAPI_3_0_0.validate(channelWithANumberForAddress, InputFormat.JSON))
                .as("a channel's address that is not a string: the definitions it refers to are checked too")
                .isNotEmpty();
    }

    private static Schema specification() {
        try (InputStream in = AsyncApiSpecSchemaTest.class.getResourceAsStream("/asyncapi/3.0.0-without-id.json")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SchemaRegistry.withDefaultDialect(Dialects.getDraft7()).getSchema(text, InputFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ChannelContract observed(String channel, String payload) {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe(channel, payload);
        return shapes.contractOf(channel).orElseThrow();
    }
}
