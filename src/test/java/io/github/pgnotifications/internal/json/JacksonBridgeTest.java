package io.github.pgnotifications.internal.json;

import static io.github.pgnotifications.internal.json.HidingClassLoader.JACKSON_2;
import static io.github.pgnotifications.internal.json.HidingClassLoader.JACKSON_3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class JacksonBridgeTest {

    record Shipment(LocalDate on, Number weight) {
    }

    private static final String NOT_A_LONG = "{\"job_id\":\"seven\",\"state\":\"queued\"}";

    @Nested
    class WithJackson2 {

        @Test
        void aRenamedComponentIsReadWithTheUsersAnnotation() throws Exception {
            assertThat(JacksonBridge.read("{\"job_id\":7,\"state\":\"queued\"}", JobEvent.class))
                    .isEqualTo(new JobEvent(7, "queued"));
        }

        @Test
        void propertiesTheTypeDoesNotDeclareAreIgnored() throws Exception {
            assertThat(JacksonBridge.read("{\"state\":\"done\",\"extra\":[1,{\"x\":2}],\"job_id\":8}", JobEvent.class))
                    .isEqualTo(new JobEvent(8, "done"));
        }

        @Test
        void aPayloadThatDoesNotFitFailsWithJacksonsOwnMessageAndWhereItStopped() {
            JacksonReadException e = catchThrowableOfType(JacksonReadException.class,
                    () -> JacksonBridge.read(NOT_A_LONG, JobEvent.class));

            assertThat(e.problem()).isEqualTo(jackson2Problem(NOT_A_LONG, JobEvent.class))
                    .startsWith("Cannot deserialize value of type `long` from String \"seven\"");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(11);
            assertThat(e).hasMessage(e.problem() + " (line 1, column 11)")
                    .hasCauseInstanceOf(JsonProcessingException.class);
            assertThat(e.getMessage()).doesNotContain("[Source", "reference chain");
        }

        @Test
        void textAfterTheValueIsAnError() {
            assertThatThrownBy(() -> JacksonBridge.read("{\"job_id\":1,\"state\":\"a\"} {}", JobEvent.class))
                    .isInstanceOf(JacksonReadException.class)
                    .hasMessageStartingWith("Trailing token (of type START_OBJECT) found after value");
        }

        @Test
        void floatingPointNumbersAreReadExactly() throws Exception {
            Map<?, ?> value = JacksonBridge.read("{\"amount\":1.10,\"rate\":0.1234567890123456789}", Map.class);

            assertThat(value.get("amount")).isEqualTo(new BigDecimal("1.10"));
            assertThat(value.get("rate")).isEqualTo(new BigDecimal("0.1234567890123456789"));
        }

        @Test
        void theModulesBesideTheUsersJacksonAreRegistered() throws Exception {
            assertThat(JacksonBridge.read("{\"on\":\"2024-02-29\",\"weight\":2.50}", Shipment.class))
                    .isEqualTo(new Shipment(LocalDate.of(2024, 2, 29), new BigDecimal("2.50")));
        }

        @Test
        void scalarsAndPrimitiveTypesAreRead() throws Exception {
            assertThat(JacksonBridge.read("5", int.class)).isEqualTo(5);
            assertThat(JacksonBridge.read("null", String.class)).isNull();
            Object list = JacksonBridge.read("[1,2]", List.class);
            assertThat(list).isEqualTo(List.of(1, 2));
        }
    }

    @Nested
    class WithJackson3Only {

        private final List<ClassLoader> withoutJackson2 = List.of(new HidingClassLoader(List.of(JACKSON_2)));

        @Test
        void aRenamedComponentIsReadWithTheUsersAnnotation() throws Exception {
            assertThat(JacksonBridge.read("{\"job_id\":7,\"state\":\"queued\",\"extra\":1}", JobEvent.class,
                    withoutJackson2)).isEqualTo(new JobEvent(7, "queued"));
        }

        @Test
        void aPayloadThatDoesNotFitFailsWithJacksonsOwnMessageAndWhereItStopped() {
            JacksonReadException e = catchThrowableOfType(JacksonReadException.class,
                    () -> JacksonBridge.read(NOT_A_LONG, JobEvent.class, withoutJackson2));

            assertThat(e.problem()).isEqualTo(jackson3Problem(NOT_A_LONG, JobEvent.class))
                    .startsWith("Cannot deserialize value of type `long` from String \"seven\"");
            assertThat(e).hasMessage(e.problem() + " (line 1, column 11)")
                    .hasCauseInstanceOf(JacksonException.class);
        }

        @Test
        void textAfterTheValueIsAnError() {
            assertThatThrownBy(() -> JacksonBridge.read("{\"job_id\":1} 2", JobEvent.class, withoutJackson2))
                    .isInstanceOf(JacksonReadException.class)
                    .hasMessageStartingWith("Trailing token (`JsonToken.VALUE_NUMBER_INT`) found after value");
        }

        @Test
        void datesAndExactNumbersAreReadWithJackson3sOwnSupport() throws Exception {
            assertThat(JacksonBridge.read("{\"on\":\"2024-02-29\",\"weight\":2.50}", Shipment.class, withoutJackson2))
                    .isEqualTo(new Shipment(LocalDate.of(2024, 2, 29), new BigDecimal("2.50")));
        }
    }

    @Nested
    class FindingJackson {

        @Test
        void theLoaderOfTheTypeIsAskedBeforeOurs() throws Exception {
            Class<?> eventSeenWithoutJackson2 = new HidingClassLoader(List.of(JACKSON_2), JobEvent.class)
                    .loadClass(JobEvent.class.getName());

            JacksonReadException e = catchThrowableOfType(JacksonReadException.class,
                    () -> JacksonBridge.read(NOT_A_LONG, eventSeenWithoutJackson2));

            assertThat(e).hasCauseInstanceOf(JacksonException.class);
            assertThat(JacksonBridge.read("{\"job_id\":3,\"state\":\"x\"}", eventSeenWithoutJackson2))
                    .isInstanceOf(eventSeenWithoutJackson2).hasToString("JobEvent[id=3, state=x]");
        }

        @Test
        void theContextLoaderIsAskedBeforeOursForATypeOfTheJdk() {
            Thread thread = Thread.currentThread();
            ClassLoader before = thread.getContextClassLoader();
            thread.setContextClassLoader(new HidingClassLoader(List.of(JACKSON_2)));
            try {
                assertThatThrownBy(() -> JacksonBridge.read("\"abc\"", Integer.class))
                        .isInstanceOf(JacksonReadException.class).hasCauseInstanceOf(JacksonException.class);
            } finally {
                thread.setContextClassLoader(before);
            }
        }

        @Test
        void jackson2IsPreferredWhereBothAreFound() {
            assertThatThrownBy(() -> JacksonBridge.read(NOT_A_LONG, JobEvent.class))
                    .hasCauseInstanceOf(JsonProcessingException.class);
        }

        @Test
        void withoutJacksonTheMessageSaysWhatToAdd() {
            List<ClassLoader> noJackson = List.of(new HidingClassLoader(List.of(JACKSON_2, JACKSON_3)));

            assertThatThrownBy(() -> JacksonBridge.read("{}", JobEvent.class, noJackson))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("payloadAs needs com.fasterxml.jackson.core:jackson-databind (2.x) or"
                            + " tools.jackson.core:jackson-databind (3.x) on the test classpath; add one as a test"
                            + " dependency.");
        }
    }

    /** What Jackson 2 itself says, as the oracle of the message we carry. */
    private static String jackson2Problem(String payload, Class<?> type) {
        try {
            new ObjectMapper().readValue(payload, type);
            throw new AssertionError("Jackson 2 read " + payload);
        } catch (JsonProcessingException e) {
            return e.getOriginalMessage().strip();
        }
    }

    private static String jackson3Problem(String payload, Class<?> type) {
        try {
            new JsonMapper().readValue(payload, type);
            throw new AssertionError("Jackson 3 read " + payload);
        } catch (JacksonException e) {
            return e.getOriginalMessage().strip();
        }
    }
}
