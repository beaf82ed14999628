package io.github.pgnotifications;

import static io.github.pgnotifications.ExpectedChange.insert;
import static io.github.pgnotifications.ExpectedChange.update;
import static io.github.pgnotifications.support.Sql.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code recordAs} reads JPA entities by their annotations, and awaits take an entity instance as the key. */
@Timeout(30)
@PgNotifications(tables = {"customers", "orders", "tickets"}, scripts = "classpath:entities.sql")
class EntitiesTest {

    enum Status { NEW, PAID }

    @Entity
    @Table(name = "customers")
    static class Customer {
        static int created;
        @Id
        Long id;
        String name;
        @OneToMany(mappedBy = "customer", cascade = CascadeType.ALL)
        List<PurchaseOrder> orders = new ArrayList<>();
        @Transient
        String displayName = "not a column";

        protected Customer() {
        }

        Customer(Long id) {
            this.id = id;
        }

        public Long getId() {
            return id;
        }
    }

    @Entity
    @Table(name = "orders")
    static class PurchaseOrder {
        @Id
        Long id;
        @ManyToOne(fetch = FetchType.LAZY)
        @JoinColumn(name = "customer_id")
        Customer customer;
        @Column(name = "total")
        BigDecimal amount;
        OffsetDateTime placedAt;
        @Enumerated(EnumType.STRING)
        Status status;
        @Version
        int version;
    }

    /** The same table, with the foreign key left to JPA's default name ({@code customer_id}). */
    @Entity
    static class DefaultJoinColumnOrder {
        @Id
        Long id;
        @ManyToOne
        Customer customer;
        BigDecimal total;
        OffsetDateTime placedAt;
        String status;
        int version;
    }

    /** Fields no column of the row fills. */
    @Entity
    static class DriftedOrder {
        @Id
        Long id;
        @ManyToOne
        @JoinColumn(name = "buyer_id")
        Customer buyer;
        @Column(name = "amount")
        BigDecimal amount;
        String status;
    }

    @Embeddable
    static class Placement {
        BigDecimal total;
        OffsetDateTime placedAt;
        @Column(name = "currency")
        String currency;
    }

    /** An {@code @Embedded} value reads its fields from the same row. */
    @Entity
    static class EmbeddingOrder {
        @Id
        Long id;
        @Embedded
        Placement placement;
        @ManyToOne
        Customer customer;
        String status;
        int version;
    }

    @Embeddable
    static class OrderKey {
        Long tenant;
        Long id;
    }

    @Entity
    static class KeyedByEmbeddedId {
        @EmbeddedId
        OrderKey key;
    }

    private final NotificationRecorder recorder;
    private final DataSource db;

    EntitiesTest(NotificationRecorder recorder, DataSource db) {
        this.recorder = recorder;
        this.db = db;
    }

    @Test
    void anEntityReadsItsColumnsByAnnotationAndItsForeignKeyAsAReferenceWithOnlyTheId() {
        exec(db, "INSERT INTO customers VALUES (7, 'Ada')",
                "INSERT INTO orders VALUES (70, 7, 12.50, '2026-01-02 03:04:05+00', 'PAID', 0)");

        PurchaseOrder order = recorder.channel("orders").awaitInsert(70).recordAs(PurchaseOrder.class);

        assertThat(order.id).isEqualTo(70L);
        assertThat(order.customer.id).isEqualTo(7L);
        assertThat(order.customer.name).isNull();
        assertThat(order.amount).isEqualByComparingTo("12.50");
        assertThat(order.placedAt).isEqualTo(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
        assertThat(order.status).isEqualTo(Status.PAID);
        assertThat(order.version).isZero();
        assertThat(recorder.channel("orders").changes().get(0).recordAs(DefaultJoinColumnOrder.class).customer.id)
                .isEqualTo(7L);
    }

    @Test
    void collectionsTransientAndStaticFieldsOfAnEntityAreLeftAlone() {
        exec(db, "INSERT INTO customers VALUES (8, 'Grace')");

        Customer customer = recorder.channel("customers").awaitInsert(8).recordAs(Customer.class);

        assertThat(customer.name).isEqualTo("Grace");
        assertThat(customer.orders).isEmpty();
        assertThat(customer.displayName).isEqualTo("not a column");
    }

    @Test
    void aNullForeignKeyLeavesTheReferenceNull() {
        exec(db, "INSERT INTO orders VALUES (71, NULL, 1, now(), 'NEW', 0)");

        assertThat(recorder.channel("orders").awaitInsert(71).recordAs(PurchaseOrder.class).customer).isNull();
    }

    @Test
    void everyEntityFieldNoColumnFillsIsNamedInOneFailure() {
        exec(db, "INSERT INTO orders VALUES (72, NULL, 1, '2026-01-02 03:04:05+00', 'NEW', 0)");
        ChangeEvent inserted = recorder.channel("orders").awaitInsert(72);

        assertThatThrownBy(() -> inserted.recordAs(DriftedOrder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot read the record of INSERT on public.orders into DriftedOrder: no column of the"
                        + " row fills fields 'buyer' (column 'buyer_id'), 'amount' (column 'amount'); the columns are"
                        + " [id, customer_id, total, placed_at, status, version]. Name a field's column with"
                        + " @Column(name = ...) (a foreign key's with @JoinColumn(name = ...)), mark a field that is"
                        + " no column @Transient, or read the row into a record of its own.");
    }

    @Test
    void anEmbeddedValueReadsItsColumnsFromTheSameRowAndNamesTheOnesMissing() {
        exec(db, "INSERT INTO orders VALUES (73, NULL, 9.99, '2026-01-02 03:04:05+00', 'NEW', 0)");
        ChangeEvent inserted = recorder.channel("orders").awaitInsert(73);

        assertThatThrownBy(() -> inserted.recordAs(EmbeddingOrder.class))
                .hasMessage("Cannot read the record of INSERT on public.orders into EmbeddingOrder: no column of the"
                        + " row fills field 'placement.currency' (column 'currency'); the columns are [id,"
                        + " customer_id, total, placed_at, status, version]. Name a field's column with"
                        + " @Column(name = ...) (a foreign key's with @JoinColumn(name = ...)), mark a field that is"
                        + " no column @Transient, or read the row into a record of its own.");
        Map<String, Object> withCurrency = new java.util.LinkedHashMap<>(inserted.record());
        withCurrency.put("currency", "EUR");
        EmbeddingOrder order = new ChangeEvent(inserted.action(), inserted.schema(), inserted.table(), null,
                withCurrency, null, null, null, false, null, inserted.notification()).recordAs(EmbeddingOrder.class);
        assertThat(order.placement.total).isEqualByComparingTo("9.99");
        assertThat(order.placement.currency).isEqualTo("EUR");
        assertThat(order.customer).isNull();
    }

    @Test
    void anAwaitTakesAnEntityInstanceAsItsKey() {
        exec(db, "INSERT INTO customers VALUES (9, 'Alan')", "UPDATE customers SET name = 'Alan T' WHERE id = 9");

        Customer saved = new Customer(9L);

        assertThat(recorder.channel("customers").awaitInsert(saved).record()).containsEntry("name", "Alan");
        assertThat(recorder.channel("customers").awaitSequence(update(saved))).hasSize(1);
    }

    @Test
    void aNumberForAUuidKeyFailsAtOnceWhileTheUuidAndItsTextMatch() {
        java.util.UUID id = java.util.UUID.fromString("0b5e5f2c-8d4a-4f3e-9c1b-2a3d4e5f6a7b");
        exec(db, "INSERT INTO tickets VALUES ('" + id + "', 'first')", "UPDATE tickets SET title = 'second'");

        assertThatThrownBy(() -> recorder.channel("tickets").awaitInsert(42L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot match id 42 (a Long) on channel 'tickets': key column 'id' of table public.tickets"
                        + " is uuid, which 42 can never equal, so the await would only time out. Pass a UUID (or its"
                        + " text), e.g. awaitInsert(UUID.fromString(\"...\")).");
        assertThat(recorder.channel("tickets").awaitInsert(id).record()).containsEntry("title", "first");
        assertThat(recorder.channel("tickets").awaitUpdate(id.toString().toUpperCase(java.util.Locale.ROOT)))
                .isNotNull();
    }

    @Test
    void anEntityWithoutAnIdYetOrWithACompositeKeyIsRefusedSayingWhatToPass() {
        assertThatThrownBy(() -> recorder.channel("customers").awaitInsert(new Customer(null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot await by entity Customer: its @Id 'id' is null, so it was not saved yet (or its"
                        + " id is generated only when it is flushed). Await the entity that save() returned, or its"
                        + " id, after the transaction that saves it has committed.");
        assertThatThrownBy(() -> recorder.channel("customers").awaitSequence(insert(new KeyedByEmbeddedId())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot await by entity KeyedByEmbeddedId: its key is the @EmbeddedId 'key'. Pass the"
                        + " key's values instead, as a List in the order of the table's key columns, e.g."
                        + " awaitInsert(List.of(tenantId, id)).");
    }
}
