package io.github.pgnotifications.internal.contracts;

import io.github.pgnotifications.internal.json.JacksonBridge;
import io.github.pgnotifications.internal.json.JobEvent;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Run by {@link ContractsShadedJarIT} in a JVM whose classpath has the shaded jar and the user's Jackson 2, not the
 * validator's own libraries: validates the seed's users payload with an id sent as text, prints each violation, then
 * reads a payload with payloadAs's bridge to show that it still takes the user's Jackson and its annotations.
 */
public final class ShadedValidatorChild {

    private ShadedValidatorChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream toParent = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PayloadValidator users = PayloadValidator.of(SampleContracts.observed("users", SampleContracts.USERS));
        users.validate(SampleContracts.USERS_PAYLOAD.replace("\"id\": 42", "\"id\": \"7\""))
                .forEach(violation -> toParent.println("violation=" + violation));
        toParent.println("fits=" + users.validate(SampleContracts.USERS_PAYLOAD).isEmpty());
        JobEvent event = JacksonBridge.read("{\"job_id\": 7, \"state\": \"done\"}", JobEvent.class);
        toParent.println("payloadAs=" + event);
        toParent.println("validator=" + PayloadValidator.class.getClassLoader()
                .loadClass("io.github.pgnotifications.internal.shaded.jsonschema.Schema").getName());
    }
}
