package io.github.pgnotifications.internal.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RowMappingTest {

    private static final String WHAT = "the record of INSERT on public.orders";
    private static final UUID REF = UUID.fromString("6f1c2e0a-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2024, 5, 1, 10, 30, 0, 0, ZoneOffset.UTC);

    enum Status { NEW, PAID, SHIPPED }

    record OrderRow(long id, Long customerId, int quantity, BigDecimal amount, Status status, UUID ref,
            Instant createdAt, LocalDate due, LocalDateTime pickedAt, String note) {
    }

    static class OrderBean {
        static int instances;
        long id;
        BigDecimal amount;
        Status status = Status.NEW;
        transient String cache = "kept";
        private final String note = "initial";
    }

    static class OrderLine {
        int amount;
    }

    static class SubBean extends OrderBean {
        Integer quantity;
    }

    record Amount(int amount) {
    }

    record Times(Instant instant, OffsetDateTime offset, ZonedDateTime zoned, LocalDate date, LocalDateTime local,
            LocalTime time, OffsetTime timeWithZone) {
    }

    record Lists(int[] ints, Long[] longs, String[] texts, List<Long> list, List<Integer> plain, byte[] bytes) {
    }

    record Json(Map<String, Object> document, List<Object> items, Object anything, String text, Map<String, Long> ids) {
    }

    record Numbers(double ratio, Float weight, BigDecimal total, short small, BigInteger big, Long count) {
    }

    record Grid(int[][] grid) {
    }

    record Stamp(LocalDateTime createdAt) {
    }

    record Positive(int amount) {
        Positive {
            if (amount < 0) {
                throw new IllegalArgumentException("negative amount");
            }
        }
    }

    interface OrderView {
    }

    static class NoDefault {
        final long id;

        NoDefault(long id) {
            this.id = id;
        }
    }

    class Inner {
        long id;
    }

    private static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    @Test
    void aRecordReadsEachColumnIntoTheComponentOfItsNameOrItsCamelCaseName() {
        Map<String, Object> row = row("id", 42L, "customer_id", 7L, "quantity", 3, "amount", new BigDecimal("12.50"),
                "status", "PAID", "ref", REF, "created_at", CREATED, "due", LocalDate.of(2024, 5, 3),
                "picked_at", LocalDateTime.of(2024, 5, 2, 9, 0), "note", "fragile", "unmapped", true);

        OrderRow order = RowMapping.map(row, OrderRow.class, WHAT);

        assertThat(order).isEqualTo(new OrderRow(42L, 7L, 3, new BigDecimal("12.50"), Status.PAID, REF,
                CREATED.toInstant(), LocalDate.of(2024, 5, 3), LocalDateTime.of(2024, 5, 2, 9, 0), "fragile"));
    }

    @Test
    void anExactlyNamedColumnWinsOverOneWhoseCamelCaseIsTheSame() {
        Amount amount = RowMapping.map(row("a_mount", 1, "amount", 2), Amount.class, WHAT);

        assertThat(amount.amount()).isEqualTo(2);
    }

    @Test
    void aClassGetsItsFieldsAndItsSuperclassesFieldsSetAndKeepsThoseNoColumnNames() {
        SubBean bean = RowMapping.map(row("id", 42L, "amount", new BigDecimal("12.50"), "quantity", 3, "cache", "x",
                "instances", 9), SubBean.class, WHAT);

        assertThat(bean.id).isEqualTo(42L);
        assertThat(bean.amount).isEqualByComparingTo("12.50");
        assertThat(bean.quantity).isEqualTo(3);
        assertThat(bean.status).isEqualTo(Status.NEW);
        assertThat(bean.cache).isEqualTo("kept");
        assertThat(OrderBean.instances).isZero();
    }

    @Test
    void aFinalFieldIsSetToo() {
        OrderBean bean = RowMapping.map(row("note", "from the row"), OrderBean.class, WHAT);

        assertThat(bean).extracting("note").isEqualTo("from the row");
    }

    @Test
    void aComponentWithoutAColumnIsNullAndANullColumnIsNullToo() {
        OrderRow order = RowMapping.map(row("id", 1L, "quantity", 1, "note", null), OrderRow.class, WHAT);

        assertThat(order.customerId()).isNull();
        assertThat(order.status()).isNull();
        assertThat(order.note()).isNull();
    }

    @Test
    void integralNumbersConvertToAnyIntegralTypeTheyFitIn() {
        Numbers numbers = RowMapping.map(row("small", 7L, "big", 9_000_000_000L, "count", 5,
                "ratio", new BigDecimal("0.25"), "weight", 2L, "total", 12L), Numbers.class, WHAT);

        assertThat(numbers).isEqualTo(new Numbers(0.25, 2f, BigDecimal.valueOf(12), (short) 7,
                BigInteger.valueOf(9_000_000_000L), 5L));
        assertThat(RowMapping.map(row("amount", new BigDecimal("7.00")), Amount.class, WHAT).amount()).isEqualTo(7);
        assertThat(RowMapping.map(row("amount", (long) Integer.MIN_VALUE), Amount.class, WHAT).amount())
                .isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void aNumberThatDoesNotFitSaysWhichTypeWould() {
        assertThatThrownBy(() -> RowMapping.map(row("amount", 3_000_000_000L), Amount.class, WHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read column 'amount' (Long 3000000000) of the record of INSERT on public.orders"
                        + " into int component 'amount' of Amount: the value does not fit in int. Declare the"
                        + " component as long.");
    }

    @Test
    void aFractionIntoAnIntegralFieldSaysToDeclareBigDecimal() {
        assertThatThrownBy(() -> RowMapping.map(row("amount", new BigDecimal("12.50")), OrderLine.class, WHAT))
                .hasMessage("Cannot read column 'amount' (BigDecimal 12.50) of the record of INSERT on public.orders"
                        + " into int field 'amount' of OrderLine: the value has a fraction. Declare the field as"
                        + " BigDecimal.")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFloatingPointNumberIsNotReadAsAnExactOne() {
        assertThatThrownBy(() -> RowMapping.map(row("amount", 12.0), Amount.class, WHAT))
                .hasMessage("Cannot read column 'amount' (Double 12.0) of the record of INSERT on public.orders into"
                        + " int component 'amount' of Amount: the value is a floating-point number, which is not"
                        + " exact. Declare the component as double.");
    }

    @Test
    void anEnumIsReadByExactNameThenIgnoringCase() {
        OrderBean exact = RowMapping.map(row("status", "SHIPPED"), OrderBean.class, WHAT);
        OrderBean lowerCase = RowMapping.map(row("status", "paid"), OrderBean.class, WHAT);

        assertThat(exact.status).isEqualTo(Status.SHIPPED);
        assertThat(lowerCase.status).isEqualTo(Status.PAID);
    }

    @Test
    void anUnknownEnumNameListsTheConstants() {
        assertThatThrownBy(() -> RowMapping.map(row("status", "payed"), OrderBean.class, WHAT))
                .hasMessage("Cannot read column 'status' (String \"payed\") of the record of INSERT on public.orders"
                        + " into Status field 'status' of OrderBean: the value names none of Status's constants"
                        + " [NEW, PAID, SHIPPED]. Declare the field as String.");
    }

    @Test
    void aUuidIsReadFromAUuidOrItsText() {
        Map<String, Object> fromText = row("id", 1L, "quantity", 1, "ref", REF.toString());

        assertThat(RowMapping.map(fromText, OrderRow.class, WHAT).ref()).isEqualTo(REF);
        assertThatThrownBy(() -> RowMapping.map(row("id", 1L, "quantity", 1, "ref", "1-2-3-4-5"), OrderRow.class, WHAT))
                .hasMessageContaining("the value is not a UUID. Declare the component as String.");
    }

    @Test
    void aTimestamptzIsReadAsAnInstantAndDatesAndTimesAsThemselves() {
        LocalDateTime local = LocalDateTime.of(2024, 5, 1, 12, 0);
        OffsetTime timeWithZone = OffsetTime.of(10, 0, 0, 0, ZoneOffset.ofHours(2));
        Times times = RowMapping.map(row("instant", CREATED, "offset", CREATED, "zoned", CREATED,
                "date", LocalDate.of(2024, 5, 1), "local", local, "time", LocalTime.NOON, "time_with_zone",
                timeWithZone), Times.class, WHAT);

        assertThat(times).isEqualTo(new Times(CREATED.toInstant(), CREATED, CREATED.atZoneSameInstant(ZoneOffset.UTC),
                LocalDate.of(2024, 5, 1), local, LocalTime.NOON, timeWithZone));
    }

    @Test
    void aTimestamptzIsNeverReadAsALocalTime() {
        assertThatThrownBy(() -> RowMapping.map(row("created_at", CREATED), Stamp.class, WHAT))
                .hasMessage("Cannot read column 'created_at' (OffsetDateTime 2024-05-01T10:30Z) of the record of"
                        + " INSERT on public.orders into LocalDateTime component 'createdAt' of Stamp: the value is a"
                        + " timestamptz: an instant, which has no local time. Declare the component as Instant or"
                        + " OffsetDateTime.");
    }

    @Test
    void aListIsReadAsAListOrAnArrayOfTheDeclaredElementType() {
        Lists lists = RowMapping.map(row("ints", List.of(1, 2), "longs", List.of(3, 4), "texts", List.of("a", "b"),
                "list", List.of(5, 6), "plain", List.of(7), "bytes", new byte[] {1, 2}), Lists.class, WHAT);

        assertThat(lists.ints()).containsExactly(1, 2);
        assertThat(lists.longs()).containsExactly(3L, 4L);
        assertThat(lists.texts()).containsExactly("a", "b");
        assertThat(lists.list()).containsExactly(5L, 6L);
        assertThat(lists.plain()).containsExactly(7);
        assertThat(lists.bytes()).containsExactly(1, 2);
    }

    @Test
    void aNullItemIntoAnArrayOfPrimitivesNamesTheItem() {
        assertThatThrownBy(() -> RowMapping.map(row("ints", java.util.Arrays.asList(1, null)), Lists.class, WHAT))
                .hasMessage("Cannot read column 'ints' (List [1, null]) of the record of INSERT on public.orders into"
                        + " int[] component 'ints' of Lists: item 1 (null) is null. Declare the component as"
                        + " Integer[].");
    }

    @Test
    void anItemOfANestedListIsNamedThroughItsList() {
        assertThatThrownBy(() -> RowMapping.map(row("grid", List.of(List.of(1), List.of(2, new BigDecimal("2.5")))),
                Grid.class, WHAT))
                .hasMessageEndingWith("into int[][] component 'grid' of Grid: item 1's item 1 (BigDecimal 2.5) has a"
                        + " fraction. Declare the component as BigDecimal[][].");
    }

    @Test
    void jsonIsReadAsMapsListsTextOrAnything() {
        Map<String, Object> document = Map.of("sku", "A-1", "tags", List.of("x"));
        Json json = RowMapping.map(row("document", document, "items", List.of(1, "two"), "anything", document,
                "text", "plain", "ids", Map.of("first", new BigDecimal("1"))), Json.class, WHAT);

        assertThat(json.document()).isEqualTo(document);
        assertThat(json.items()).containsExactly(1, "two");
        assertThat(json.anything()).isSameAs(document);
        assertThat(json.text()).isEqualTo("plain");
        assertThat(json.ids()).containsExactly(entry("first", 1L));
    }

    @Test
    void aMapIsACopyOfTheRow() {
        Map<String, Object> row = row("id", 1L, "note", null);

        @SuppressWarnings("unchecked")
        Map<String, Object> copy = RowMapping.map(row, Map.class, WHAT);
        row.put("id", 2L);

        assertThat(copy).containsExactly(entry("id", 1L), entry("note", null));
    }

    @Test
    void aMissingColumnForAPrimitiveComponentListsTheColumns() {
        assertThatThrownBy(() -> RowMapping.map(row("id", 1L, "amount", BigDecimal.ONE), OrderRow.class, WHAT))
                .hasMessage("Cannot read the record of INSERT on public.orders into OrderRow: there is no column"
                        + " 'quantity' for int component 'quantity'; the columns are [id, amount]. Declare the"
                        + " component as Integer to accept a missing column.");
        assertThatThrownBy(() -> RowMapping.map(row("quantity", 1), OrderRow.class, WHAT))
                .hasMessageContaining("there is no column 'id' for long component 'id'");
    }

    @Test
    void nullIntoAPrimitiveNamesTheColumn() {
        assertThatThrownBy(() -> RowMapping.map(row("id", null), OrderBean.class, WHAT))
                .hasMessage("Cannot read column 'id' (null) of the record of INSERT on public.orders into long field"
                        + " 'id' of OrderBean: the value is null. Declare the field as Long.");
    }

    @Test
    void aValueOfAnotherKindSaysItsOwnType() {
        assertThatThrownBy(() -> RowMapping.map(row("due", "2024-05-03", "id", 1L, "quantity", 1), OrderRow.class,
                WHAT))
                .hasMessage("Cannot read column 'due' (String \"2024-05-03\") of the record of INSERT on public.orders"
                        + " into LocalDate component 'due' of OrderRow: the value does not convert to LocalDate."
                        + " Declare the component as String.");
    }

    @Test
    void aTypeThatIsNeitherARecordNorConstructibleSaysWhatToDeclare() {
        assertThatThrownBy(() -> RowMapping.map(row("id", 1L), NoDefault.class, WHAT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read the record of INSERT on public.orders into NoDefault: it is neither a record"
                        + " nor a class with a no-argument constructor. Declare a record whose components are named"
                        + " after the columns, or a class with a no-argument constructor and fields named after the"
                        + " columns.");
        assertThatThrownBy(() -> RowMapping.map(row("id", 1L), OrderView.class, WHAT))
                .hasMessageStartingWith("Cannot read the record of INSERT on public.orders into OrderView: it is an"
                        + " interface. Declare a record");
        assertThatThrownBy(() -> RowMapping.map(row("id", 1L), Inner.class, WHAT))
                .hasMessage("Cannot read the record of INSERT on public.orders into Inner: it is an inner class, which"
                        + " needs an instance of RowMappingTest. Declare it static.");
    }

    @Test
    void aFieldOfAPackageThatIsNotOpenSaysToOpenIt() {
        assertThatThrownBy(() -> RowMapping.map(row("value", 5), AtomicInteger.class, WHAT))
                .hasMessage("Cannot read the record of INSERT on public.orders into AtomicInteger: its field 'value'"
                        + " is not open to pg-notifications (module java.base does not open package"
                        + " java.util.concurrent.atomic). Add 'opens java.util.concurrent.atomic;' to the"
                        + " module-info.java of java.base, or declare the type in a package that is open.");
    }

    @Test
    void aConstructorThatThrowsIsTheCause() {
        assertThatThrownBy(() -> RowMapping.map(row("amount", -1), Positive.class, WHAT))
                .hasMessage("Cannot read the record of INSERT on public.orders into Positive: its constructor threw"
                        + " java.lang.IllegalArgumentException: negative amount. Let the constructor accept the row's"
                        + " values, or read the row into a Map.")
                .cause().hasMessage("negative amount");
    }

    @Test
    void aFloatingPointNumberIsNotReadAsADecimal() {
        Map<String, Object> row = new HashMap<>(row("ratio", 1, "small", 1, "total", 0.1));

        assertThatThrownBy(() -> RowMapping.map(row, Numbers.class, WHAT))
                .hasMessageEndingWith("into BigDecimal component 'total' of Numbers: the value is a floating-point"
                        + " number, which is not exact. Declare the component as Double.");
    }

    @Test
    void snakeCaseBecomesCamelCase() {
        assertThat(RowMapping.camelCase("order_id")).isEqualTo("orderId");
        assertThat(RowMapping.camelCase("a_b_c")).isEqualTo("aBC");
        assertThat(RowMapping.camelCase("_id")).isEqualTo("_id");
        assertThat(RowMapping.camelCase("id_")).isEqualTo("id_");
        assertThat(RowMapping.camelCase("id")).isEqualTo("id");
    }
}
