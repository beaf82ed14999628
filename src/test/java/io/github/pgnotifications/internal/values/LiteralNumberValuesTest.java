package io.github.pgnotifications.internal.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgnotifications.internal.json.JsonReader;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Numbers PostgreSQL's json passes on with an exponent beyond BigDecimal's: matched by value, keyed without blowing up. */
class LiteralNumberValuesTest {

    private static final String WHAT = "the record of INSERT on public.docs";

    record Exact(BigDecimal amount) {
    }

    record Approximate(double amount) {
    }

    @Test
    void literalsMatchByValueWhateverTheirText() throws Exception {
        assertThat(Values.matches(json("1e2147483648"), json("1E+2147483648"))).isTrue();
        assertThat(Values.matches(json("10e2147483648"), json("1e2147483649"))).isTrue();
        assertThat(Values.matches(json("1e2147483648"), json("1e2147483649"))).isFalse();
        assertThat(Values.matches(json("-2.5E-2147483649"), json("-25e-2147483650"))).isTrue();
    }

    @Test
    void aLiteralMatchesItsTextAndAnEqualBigDecimal() throws Exception {
        assertThat(Values.matches(json("1e2147483648"), "1e2147483648")).isTrue();
        assertThat(Values.matches(json("1e2147483648"), "1E+2147483648")).isTrue();
        assertThat(Values.matches(json("1000e-2147483650"), new BigDecimal("1e-2147483647"))).isTrue();
        assertThat(Values.hashKey(json("1000e-2147483650"))).isEqualTo(Values.hashKey(new BigDecimal("1e-2147483647")));
        assertThat(Values.matches(json("1e2147483648"), "1e2147483647")).isFalse();
    }

    @Test
    void zeroWithAnyExponentIsZero() throws Exception {
        assertThat(Values.matches(json("-0.0e999999999999"), 0)).isTrue();
        assertThat(Values.matches(json("-0.0e999999999999"), "0")).isTrue();
        assertThat(Values.hashKey(json("0e-99999999999999999999"))).isEqualTo("0");
    }

    @Test
    @Timeout(5)
    void aHugeExponentIsKeyedAsDigitsAndPowerNotAsZeros() throws Exception {
        assertThat(Values.hashKey(new BigDecimal("1e999999999"))).isEqualTo("1E+999999999");
        assertThat(Values.hashKey(json("12.50e2147483648"))).isEqualTo("125E+2147483647");
        assertThat(Values.hashKey(json("-1E-2147483649"))).isEqualTo("-1E-2147483649");
        assertThat(Values.hashKey(new BigDecimal("1.5e1000"))).isEqualTo("15" + "0".repeat(999));
        assertThat(Values.hashKey(new BigDecimal("1.5e1002"))).isEqualTo("15E+1001");
    }

    @Test
    void anUnchangedLiteralIsNotAChangedColumn() throws Exception {
        Map<String, Object> old = Map.of("doc", JsonReader.parse("{\"x\":1e2147483648}"));
        Map<String, Object> record = Map.of("doc", JsonReader.parse("{\"x\":1E+2147483648}"));

        assertThat(Values.changedColumns(old, record)).isEmpty();
    }

    @Test
    void aLiteralReadsAsADoubleButNotAsABigDecimal() throws Exception {
        assertThat(RowMapping.map(Map.of("amount", json("1e2147483648")), Approximate.class, WHAT).amount())
                .isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> RowMapping.map(Map.of("amount", json("1e2147483648")), Exact.class, WHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read column 'amount' (LiteralNumber 1e2147483648) of the record of INSERT on"
                        + " public.docs into BigDecimal component 'amount' of Exact: the value has an exponent beyond"
                        + " BigDecimal's range. Declare the component as double or Number.");
    }

    private static Object json(String literal) throws Exception {
        return JsonReader.parse(literal);
    }
}
