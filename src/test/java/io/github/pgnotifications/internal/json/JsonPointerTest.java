package io.github.pgnotifications.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPointerTest {

    /** The document of RFC 6901, section 5. */
    private static final String RFC_DOCUMENT = """
            {
               "foo": ["bar", "baz"],
               "": 0,
               "a/b": 1,
               "c%d": 2,
               "e^f": 3,
               "g|h": 4,
               "i\\\\j": 5,
               "k\\"l": 6,
               " ": 7,
               "m~n": 8
            }""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/foo     | [\"bar\",\"baz\"]",
        "/foo/0   | \"bar\"",
        "/        | 0",
        "/a~1b    | 1",
        "/c%d     | 2",
        "/e^f     | 3",
        "`/g|h`   | 4",
        "/i\\j    | 5",
        "/k\"l    | 6",
        "`/ `     | 7",
        "/m~0n    | 8",
    })
    void theExamplesOfTheRfcFindTheirValues(String pointer, String expected) throws Exception {
        Object document = JsonReader.parse(RFC_DOCUMENT);

        assertThat(JsonPointer.compile(pointer).find(document)).contains(new JsonPointer.Found(JsonReader.parse(expected)));
    }

    @Test
    void theEmptyPointerIsTheWholeDocument() throws Exception {
        Object document = JsonReader.parse(RFC_DOCUMENT);

        assertThat(JsonPointer.compile("").find(document)).contains(new JsonPointer.Found(document));
    }

    @Test
    void aNullThatIsThereIsFoundAndAMissingMemberIsNot() throws Exception {
        Object document = JsonReader.parse("{\"a\":null,\"list\":[null]}");

        assertThat(JsonPointer.compile("/a").find(document)).contains(new JsonPointer.Found(null));
        assertThat(JsonPointer.compile("/list/0").find(document)).contains(new JsonPointer.Found(null));
        assertThat(JsonPointer.compile("/b").find(document)).isEmpty();
        assertThat(JsonPointer.compile("/a/b").find(document)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/list/-", "/list/01", "/list/3", "/list/x", "/list/", "/list/+1", "/list/99999999999",
            "/name/0", "/n/0"})
    void aTokenThatNamesNoElementFindsNothing(String pointer) throws Exception {
        Object document = JsonReader.parse("{\"list\":[10,11,12],\"name\":\"abc\",\"n\":5}");

        assertThat(JsonPointer.compile(pointer).find(document)).isEmpty();
    }

    @Test
    void anIndexIsAMemberNameInAnObject() throws Exception {
        Object document = JsonReader.parse("{\"0\":\"zero\",\"01\":\"padded\"}");

        assertThat(JsonPointer.compile("/0").find(document)).contains(new JsonPointer.Found("zero"));
        assertThat(JsonPointer.compile("/01").find(document)).contains(new JsonPointer.Found("padded"));
    }

    @Test
    void theDeepestExistingPartStopsWhereTheValueEnds() throws Exception {
        Object document = JsonReader.parse("{\"a~b\":{\"c/d\":[{\"e\":null}]}}");

        assertThat(JsonPointer.compile("/a~0b/c~1d/0/e/f").deepestExisting(document))
                .hasToString("/a~0b/c~1d/0/e");
        assertThat(JsonPointer.compile("/a~0b/c~1d/1/e").deepestExisting(document)).hasToString("/a~0b/c~1d");
        assertThat(JsonPointer.compile("/x/y").deepestExisting(document)).hasToString("");
        assertThat(JsonPointer.compile("/a~0b").deepestExisting(document)).hasToString("/a~0b");
    }

    @Test
    void theDeepestExistingPartIsAPointerThatFindsItsValue() throws Exception {
        Object document = JsonReader.parse("{\"a\":{\"b\":[1,2]}}");

        JsonPointer existing = JsonPointer.compile("/a/b/5").deepestExisting(document);

        assertThat(existing).isEqualTo(JsonPointer.compile("/a/b"));
        assertThat(existing.find(document)).contains(new JsonPointer.Found(List.of(1L, 2L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "//", "/a/~0~1/0", "/m~0n", "/-"})
    void aPointerPrintsAsItWasWritten(String text) {
        assertThat(JsonPointer.compile(text)).hasToString(text);
    }

    @Test
    void textThatDoesNotStartWithASlashIsRefused() {
        assertThatThrownBy(() -> JsonPointer.compile("a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON pointer 'a/b' must be empty or start with '/'");
    }

    @Test
    void aTildeNotFollowedByZeroOrOneIsRefused() {
        assertThatThrownBy(() -> JsonPointer.compile("/a~2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("JSON pointer '/a~2' has a '~' at index 2 that is not followed by 0 or 1;"
                        + " write '~0' for '~' and '~1' for '/'");
        assertThatThrownBy(() -> JsonPointer.compile("/a~/b"))
                .hasMessageStartingWith("JSON pointer '/a~/b' has a '~' at index 2");
    }

    @Test
    void pointersWithTheSameTextAreEqual() {
        assertThat(JsonPointer.compile("/a/0")).isEqualTo(JsonPointer.compile("/a/0"))
                .hasSameHashCodeAs(JsonPointer.compile("/a/0"))
                .isNotEqualTo(JsonPointer.compile("/a/1"));
    }
}
