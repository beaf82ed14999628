package io.github.pgnotifications;

import io.github.pgnotifications.internal.assertions.AssertionMessages;
import io.github.pgnotifications.internal.json.JacksonBridge;
import io.github.pgnotifications.internal.json.JacksonReadException;
import io.github.pgnotifications.internal.json.JsonPointer;
import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import io.github.pgnotifications.internal.json.JsonWriter;
import io.github.pgnotifications.internal.values.Values;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on one notification, whatever its payload format: plain text, the change payload, or a JSON shape of
 * the team's own. Obtain one with {@link PgNotificationsAssertions#assertThat(Notification)}.
 *
 * <pre>{@code
 * Notification job = recorder.channel("jobs").awaitNotification("a job", n -> true);
 * assertThat(job).hasChannel("jobs").hasJsonValue("/job/id", 7).hasJsonValue("/job/state", "queued");
 * }</pre>
 */
public final class NotificationAssert extends AbstractAssert<NotificationAssert, Notification> {

    NotificationAssert(Notification actual) {
        super(actual, NotificationAssert.class);
    }

    /**
     * Checks the channel the notification was sent on.
     *
     * <pre>{@code assertThat(notification).hasChannel("jobs");}</pre>
     *
     * @param channel the exact channel name
     * @return this assertion object
     */
    public NotificationAssert hasChannel(String channel) {
        isNotNull();
        if (!actual.channel().equals(channel)) {
            failWithActualExpectedAndMessage(actual.channel(), channel, AssertionMessages.HAS_CHANNEL,
                    show(actual.payload()), show(channel), show(actual.channel()));
        }
        return myself;
    }

    /**
     * Checks the whole payload text.
     *
     * <pre>{@code assertThat(notification).hasPayload("refresh");}</pre>
     *
     * @param payload the expected payload; {@code ""} for a notification sent without one
     * @return this assertion object
     */
    public NotificationAssert hasPayload(String payload) {
        isNotNull();
        if (!actual.payload().equals(payload)) {
            failWithActualExpectedAndMessage(actual.payload(), payload, AssertionMessages.PAYLOAD_IS, actual.channel(),
                    show(actual.payload()), show(payload));
        }
        return myself;
    }

    /**
     * Checks that the payload contains a text.
     *
     * <pre>{@code assertThat(notification).hasPayloadContaining("\"state\":\"queued\"");}</pre>
     *
     * @param text the text the payload should contain
     * @return this assertion object
     */
    public NotificationAssert hasPayloadContaining(String text) {
        isNotNull();
        Objects.requireNonNull(text, "text");
        if (!actual.payload().contains(text)) {
            failWithMessage(AssertionMessages.PAYLOAD_CONTAINS, actual.channel(), show(actual.payload()), show(text));
        }
        return myself;
    }

    /**
     * Checks that the whole payload matches a regular expression, as {@link String#matches(String)} does.
     *
     * <pre>{@code assertThat(notification).hasPayloadMatching("job \\d+ done");}</pre>
     *
     * @param regex a {@link Pattern} regular expression that the whole payload should match
     * @return this assertion object
     */
    public NotificationAssert hasPayloadMatching(String regex) {
        isNotNull();
        if (!Pattern.compile(regex).matcher(actual.payload()).matches()) {
            failWithMessage(AssertionMessages.PAYLOAD_MATCHES, actual.channel(), show(actual.payload()), show(regex));
        }
        return myself;
    }

    /**
     * Checks that the payload is JSON text.
     *
     * <pre>{@code assertThat(notification).hasJsonPayload();}</pre>
     *
     * @return this assertion object
     */
    public NotificationAssert hasJsonPayload() {
        isNotNull();
        tree();
        return myself;
    }

    /**
     * Checks one value of a JSON payload, found by a JSON pointer (RFC 6901). Values match by value, as ids do:
     * {@code 42} matches {@code 42}, {@code 42L}, {@code 42.0} and {@code "42"}; objects match {@link java.util.Map}s,
     * arrays {@link java.util.List}s, JSON {@code null} only {@code null}.
     *
     * <pre>{@code assertThat(notification).hasJsonValue("/record/first_name", "Ada").hasJsonValue("/old", null);}</pre>
     *
     * @param jsonPointer where the value is, e.g. {@code "/record/first_name"}; {@code ""} for the whole payload
     * @param expected    the expected value
     * @return this assertion object
     * @throws IllegalArgumentException if {@code jsonPointer} is not a JSON pointer
     */
    public NotificationAssert hasJsonValue(String jsonPointer, Object expected) {
        isNotNull();
        JsonPointer pointer = pointer(jsonPointer);
        Object tree = tree();
        Optional<JsonPointer.Found> found = pointer.find(tree);
        if (found.isEmpty()) {
            JsonPointer existing = pointer.deepestExisting(tree);
            if (existing.toString().isEmpty()) {
                throw failure(AssertionMessages.NO_JSON_VALUE_AT_ALL, actual.channel(), show(actual.payload()),
                        show(jsonPointer));
            }
            throw failure(AssertionMessages.NO_JSON_VALUE, actual.channel(), show(actual.payload()), show(jsonPointer),
                    show(existing.toString()), JsonWriter.write(existing.find(tree).orElseThrow().value()));
        }
        Object value = found.get().value();
        if (!Values.matches(value, expected)) {
            failWithActualExpectedAndMessage(value, expected, AssertionMessages.JSON_VALUE, actual.channel(),
                    show(actual.payload()), show(jsonPointer), show(expected), show(value));
        }
        return myself;
    }

    /**
     * Reads the JSON payload into a type of the test's own, for triggers that send another JSON shape than the change
     * payload, and returns AssertJ's assertions on the result. It reads with the test's own Jackson (2.x
     * {@code com.fasterxml.jackson.core:jackson-databind}, else 3.x {@code tools.jackson.core:jackson-databind}), so
     * the type's Jackson annotations and the modules on the classpath apply; the library brings no Jackson of its own.
     * Properties the type does not declare are ignored.
     *
     * <pre>{@code
     * record JobEvent(long id, String state) {}
     *
     * assertThat(notification).payloadAs(JobEvent.class).isEqualTo(new JobEvent(7, "queued"));
     * }</pre>
     *
     * @param type the type to read the payload as, e.g. a record whose components are the payload's properties
     * @param <T>  the type
     * @return AssertJ's assertions on the payload read as {@code type}
     * @throws PgNotificationsException when no Jackson is on the test classpath
     */
    public <T> ObjectAssert<T> payloadAs(Class<T> type) {
        isNotNull();
        Objects.requireNonNull(type, "type");
        try {
            return Assertions.assertThatObject(JacksonBridge.read(actual.payload(), type));
        } catch (JacksonReadException e) {
            throw failure(AssertionMessages.PAYLOAD_AS, actual.channel(), show(actual.payload()), type.getName(),
                    e.getMessage());
        } catch (IllegalStateException noJackson) {
            throw new PgNotificationsException(noJackson.getMessage(), noJackson);
        }
    }

    private Object tree() {
        if (actual.payload().isBlank()) {
            throw failure(AssertionMessages.NOT_JSON, actual.channel(), show(actual.payload()), "the payload is empty");
        }
        try {
            return JsonReader.parse(actual.payload());
        } catch (JsonSyntaxException e) {
            throw failure(AssertionMessages.NOT_JSON, actual.channel(), show(actual.payload()), e.getMessage());
        }
    }

    private static JsonPointer pointer(String jsonPointer) {
        if (jsonPointer == null) {
            throw new IllegalArgumentException(AssertionMessages.badPointer(null));
        }
        try {
            return JsonPointer.compile(jsonPointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(AssertionMessages.badPointer(jsonPointer), e);
        }
    }

    private String show(Object value) {
        return info.representation().toStringOf(value);
    }
}
