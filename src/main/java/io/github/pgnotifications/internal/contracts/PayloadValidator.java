package io.github.pgnotifications.internal.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import io.github.pgnotifications.internal.json.JsonWriter;
import java.util.List;
import java.util.Map;

/**
 * Checks notification payloads against one channel's contract: compiled once (cache one per channel), then safe to
 * share between threads, as the compiled schema is.
 *
 * <p>A payload is the notification's text. It is read as JSON when it is JSON and the contract allows more than
 * plain text; otherwise it is the JSON string of that text, so a plain-text channel's {@code 42} is the text
 * {@code "42"}, not a number, and a JSON channel sent {@code hello} is told it got a string.
 */
public final class PayloadValidator {

    private final Map<String, Object> schema;
    private final Schema compiled;
    private final boolean textOnly;

    private PayloadValidator(Map<String, Object> schema, Schema compiled, boolean textOnly) {
        this.schema = schema;
        this.compiled = compiled;
        this.textOnly = textOnly;
    }

    /**
     * The contract compiled.
     *
     * @throws IllegalArgumentException when the contract's schema is not a JSON Schema the library can compile
     */
    public static PayloadValidator of(ChannelContract contract) {
        Map<String, Object> schema = contract.schema();
        try {
            return new PayloadValidator(schema, JsonSchemaLibrary.compile(schema), isTextOnly(schema));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The contract of channel '" + contract.channel()
                    + "' is not a JSON Schema the library can read: " + e.getMessage(), e);
        }
    }

    /** The ways the payload breaks the contract, by path; empty when it fits. */
    public List<PayloadViolation> validate(String payload) {
        Object value = read(payload);
        List<Error> errors = compiled.validate(value == payload ? JsonWriter.write(payload) : payload,
                InputFormat.JSON);
        if (errors.isEmpty()) {
            return List.of();
        }
        return new ViolationWords(schema, value).violations(errors);
    }

    /** The payload as the value the contract is checked against: its JSON, or the text itself (the same object). */
    private Object read(String payload) {
        if (textOnly) {
            return payload;
        }
        try {
            return JsonReader.parse(payload);
        } catch (JsonSyntaxException e) {
            return payload;
        }
    }

    private static boolean isTextOnly(Map<String, Object> schema) {
        return "string".equals(schema.get("type")) && !schema.containsKey("anyOf");
    }
}
