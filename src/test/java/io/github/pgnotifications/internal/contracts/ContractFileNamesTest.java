package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContractFileNamesTest {

    private static final List<String> ODD_CHANNELS = List.of("users", "Users", "a/b", "a\\b", "with space",
            "quote\"d", "it's", "ü", "日本", "emoji 😀", "%41", "a%2Fb", "..", ".", "-x_y.z", "tab\there", "a:b*c?");

    @Test
    void plainChannelNamesAreKeptAsTheyAre() {
        assertThat(ContractFileNames.of("users")).isEqualTo("users.schema.json");
        assertThat(ContractFileNames.of("Int_Channel-1.v2")).isEqualTo("Int_Channel-1.v2.schema.json");
    }

    @Test
    void everyOtherCharacterIsWrittenAsItsUtf8BytesInHex() {
        assertThat(ContractFileNames.of("a/b")).isEqualTo("a%2Fb.schema.json");
        assertThat(ContractFileNames.of("with space")).isEqualTo("with%20space.schema.json");
        assertThat(ContractFileNames.of("quote\"d")).isEqualTo("quote%22d.schema.json");
        assertThat(ContractFileNames.of("ü")).isEqualTo("%C3%BC.schema.json");
        assertThat(ContractFileNames.of("%41")).isEqualTo("%2541.schema.json");
    }

    @Test
    void everyOddChannelComesBackFromItsFileNameAndNoTwoShareOne() {
        Set<String> names = new HashSet<>();
        for (String channel : ODD_CHANNELS) {
            String name = ContractFileNames.of(channel);
            assertThat(name).matches("[A-Za-z0-9_.%-]+\\.schema\\.json");
            assertThat(ContractFileNames.channelOf(name)).contains(channel);
            names.add(name);
        }
        assertThat(names).hasSameSizeAs(ODD_CHANNELS);
    }

    @Test
    void namesThatNoChannelIsWrittenAsAreNotContractFiles() {
        assertThat(ContractFileNames.channelOf("asyncapi.json")).isEmpty();
        assertThat(ContractFileNames.channelOf(".schema.json")).isEmpty();
        assertThat(ContractFileNames.channelOf("a b.schema.json")).isEmpty();
        assertThat(ContractFileNames.channelOf("%2f.schema.json")).isEmpty();
        assertThat(ContractFileNames.channelOf("%41.schema.json")).isEmpty();
        assertThat(ContractFileNames.channelOf("%C3.schema.json")).isEmpty();
        assertThat(ContractFileNames.channelOf("%4.schema.json")).isEmpty();
    }

    @Test
    void anEmptyChannelHasNoFile() {
        assertThatThrownBy(() -> ContractFileNames.of("")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be empty");
    }
}
