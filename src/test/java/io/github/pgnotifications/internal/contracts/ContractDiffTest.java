package io.github.pgnotifications.internal.contracts;

import static io.github.pgnotifications.internal.contracts.SampleContracts.ACCOUNTS;
import static io.github.pgnotifications.internal.contracts.SampleContracts.TEXT;
import static io.github.pgnotifications.internal.contracts.SampleContracts.USERS;
import static io.github.pgnotifications.internal.contracts.SampleContracts.catalog;
import static io.github.pgnotifications.internal.contracts.SampleContracts.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.pgnotifications.internal.contracts.ContractChange.Kind;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ContractDiffTest {

    private static final String ID = "\"id\": {\"type\": \"integer\", \"x-sql-type\": \"bigint\","
            + " \"x-java-type\": \"java.lang.Long\"}";
    private static final String BALANCE = "\"balance\": {\"type\": \"number\", \"x-sql-type\": \"numeric(12,2)\","
            + " \"x-java-type\": \"java.math.BigDecimal\"},";
    private static final String OWNER = "\"owner\": {\"type\": [\"string\", \"null\"], \"x-sql-type\": \"text\","
            + " \"x-java-type\": \"java.lang.String\"}";
    private static final String ROW_REQUIRED = "\"required\": [\"balance\", \"id\", \"owner\"]";

    private static ChannelContract accounts(String... replacements) {
        return catalog("accounts", replaced(ACCOUNTS, replacements));
    }

    private static String replaced(String text, String... replacements) {
        String result = text;
        for (int i = 0; i < replacements.length; i += 2) {
            assertThat(result).as("the sample contract").contains(replacements[i]);
            result = result.replace(replacements[i], replacements[i + 1]);
        }
        return result;
    }

    private static List<ContractChange> catalogDiff(String... replacements) {
        return ContractDiff.compare(accounts(), accounts(replacements));
    }

    private static ContractChange change(Kind kind, String path, String before, String after, String what) {
        return new ContractChange(kind, "accounts", path, before, after, what);
    }

    @Nested
    class Catalog {

        @Test
        void theSameContractHasNoChanges() {
            assertThat(ContractDiff.compare(accounts(), accounts())).isEmpty();
        }

        @Test
        void aRemovedColumnIsBreakingAndSaidOnceAtRecord() {
            assertThat(catalogDiff(BALANCE, "", ROW_REQUIRED, "\"required\": [\"id\", \"owner\"]")).containsExactly(
                    change(Kind.BREAKING, "/record/balance",
                            "number, not null (SQL numeric(12,2), Java java.math.BigDecimal)", "", "field removed"));
        }

        @Test
        void aColumnNowKeptOutSaysWhy() {
            assertThat(catalogDiff(BALANCE, "", ROW_REQUIRED, "\"required\": [\"id\", \"owner\"]",
                    "\"kept-out\": {\"ssn\": \"sensitive\"}", "\"kept-out\": {\"balance\": \"sensitive\", \"ssn\":"
                            + " \"sensitive\"}"))
                    .extracting(ContractChange::path, ContractChange::after)
                    .containsExactly(tuple("/record/balance", "kept out (sensitive)"));
        }

        @Test
        void aNewColumnIsAdditive() {
            assertThat(catalogDiff(ID, ID + ", \"email\": {\"type\": \"string\", \"x-sql-type\": \"text\","
                    + " \"x-java-type\": \"java.lang.String\"}", ROW_REQUIRED,
                    "\"required\": [\"balance\", \"email\", \"id\", \"owner\"]")).containsExactly(
                    change(Kind.ADDITIVE, "/record/email", "", "string, not null (SQL text, Java java.lang.String)",
                            "new field"));
        }

        @Test
        void aRenamedColumnIsARemovalAndAnAdditionBothMarkedRenamed() {
            assertThat(catalogDiff("\"balance\": {", "\"amount\": {", ROW_REQUIRED,
                    "\"required\": [\"amount\", \"id\", \"owner\"]"))
                    .extracting(ContractChange::kind, ContractChange::path, ContractChange::what)
                    .containsExactly(
                            tuple(Kind.ADDITIVE, "/record/amount",
                                    "new field (renamed from balance?)"),
                            tuple(Kind.BREAKING, "/record/balance",
                                    "field removed (renamed to amount?)"));
        }

        @Test
        void aSqlTypeChangeIsBreakingEvenWhenTheJsonTypeStays() {
            assertThat(catalogDiff(ID, "\"id\": {\"type\": \"integer\", \"x-sql-type\": \"integer\","
                    + " \"x-java-type\": \"java.lang.Integer\"}")).containsExactly(
                    change(Kind.BREAKING, "/record/id", "integer, not null (SQL bigint, Java java.lang.Long)",
                            "integer, not null (SQL integer, Java java.lang.Integer)", "type changed"));
        }

        @Test
        void aJsonTypeChangeIsBreaking() {
            assertThat(catalogDiff(ID, "\"id\": {\"type\": \"string\", \"x-sql-type\": \"text\","
                    + " \"x-java-type\": \"java.lang.String\"}")).extracting(ContractChange::kind,
                    ContractChange::what).containsExactly(tuple(Kind.BREAKING,
                    "type changed"));
        }

        @Test
        void nullableWhereItWasNotIsBreakingAndTheReverseAdditive() {
            String nullable = BALANCE.replace("\"type\": \"number\"", "\"type\": [\"number\", \"null\"]");
            assertThat(catalogDiff(BALANCE, nullable))
                    .containsExactly(change(Kind.BREAKING, "/record/balance",
                            "number, not null (SQL numeric(12,2), Java java.math.BigDecimal)",
                            "number or null (SQL numeric(12,2), Java java.math.BigDecimal)", "became nullable"));
            assertThat(catalogDiff(OWNER, OWNER.replace("[\"string\", \"null\"]", "\"string\"")))
                    .extracting(ContractChange::kind, ContractChange::what)
                    .containsExactly(tuple(Kind.ADDITIVE, "no longer nullable"));
        }

        @Test
        void anActionNoLongerFiredIsBreakingAndANewOneAdditive() {
            assertThat(catalogDiff("\"actions\": [\"delete\", \"insert\", \"update\"]",
                    "\"actions\": [\"insert\", \"truncate\", \"update\"]",
                    "\"action\": {\"enum\": [\"delete\", \"insert\", \"update\"]}",
                    "\"action\": {\"enum\": [\"insert\", \"truncate\", \"update\"]}")).containsExactly(
                    change(Kind.BREAKING, "/action", "delete, insert, update", "insert, truncate, update",
                            "action no longer fired: delete"),
                    change(Kind.ADDITIVE, "/action", "delete, insert, update", "insert, truncate, update",
                            "new action: truncate"));
        }

        @Test
        void theKeyChangedIsBreaking() {
            assertThat(catalogDiff("\"key\": [\"id\"]", "\"key\": [\"id\", \"owner\"]")).containsExactly(
                    change(Kind.BREAKING, "", "id", "id, owner", "key changed"));
        }

        @Test
        void updateOfNarrowedIsBreakingAndWidenedAdditive() {
            assertThat(catalogDiff("\"update-of\": []", "\"update-of\": [\"balance\"]")).containsExactly(
                    change(Kind.BREAKING, "", "every UPDATE", "UPDATE OF balance",
                            "UPDATE OF narrowed: some updates no longer fire"));
            assertThat(ContractDiff.compare(accounts("\"update-of\": []", "\"update-of\": [\"balance\"]"),
                    accounts("\"update-of\": []", "\"update-of\": [\"balance\", \"owner\"]"))).containsExactly(
                    change(Kind.ADDITIVE, "", "UPDATE OF balance", "UPDATE OF balance, owner", "UPDATE OF widened"));
        }

        @Test
        void aWhenAddedIsBreakingAndOneRemovedAdditive() {
            String when = "\"when\": \"new.balance > 0\"";
            assertThat(catalogDiff("\"when\": null", when)).containsExactly(change(Kind.BREAKING, "", "no WHEN",
                    "WHEN new.balance > 0", "WHEN added: some rows no longer fire"));
            assertThat(ContractDiff.compare(accounts("\"when\": null", when), accounts())).containsExactly(
                    change(Kind.ADDITIVE, "", "WHEN new.balance > 0", "no WHEN", "WHEN removed: every row fires"));
        }

        @Test
        void aTableRenamedChangesTheConstant() {
            assertThat(catalogDiff("\"table\": {\"const\": \"accounts\"}", "\"table\": {\"const\": \"account\"}"))
                    .containsExactly(change(Kind.BREAKING, "/table", "\"accounts\"", "\"account\"",
                            "constant changed"));
        }

        @Test
        void anOriginChangeIsTheOnlyChangeSaid() {
            assertThat(ContractDiff.compare(accounts(), observed("accounts", USERS))).containsExactly(
                    change(Kind.BREAKING, "", "derived from the catalog (the library's trigger)",
                            "observed from recorded payloads", "origin changed"));
        }

        @Test
        void changesComeSortedByPathBreakingFirst() {
            List<ContractChange> changes = catalogDiff("\"key\": [\"id\"]", "\"key\": [\"owner\"]", ID,
                    "\"id\": {\"type\": \"string\"}", "\"actions\": [\"delete\", \"insert\", \"update\"]",
                    "\"actions\": [\"insert\", \"update\"]");
            assertThat(changes).extracting(ContractChange::path).containsExactly("", "/action", "/record/id");
            assertThat(ContractDiff.compare(accounts(), accounts("\"key\": [\"id\"]", "\"key\": [\"owner\"]", ID,
                    "\"id\": {\"type\": \"string\"}", "\"actions\": [\"delete\", \"insert\", \"update\"]",
                    "\"actions\": [\"insert\", \"update\"]"))).isEqualTo(changes);
        }
    }

    @Nested
    class Observed {

        private List<ContractChange> usersDiff(String... replacements) {
            return ContractDiff.compare(observed("users", USERS), observed("users", replaced(USERS, replacements)));
        }

        private ContractChange users(Kind kind, String path, String before, String after, String what) {
            return new ContractChange(kind, "users", path, before, after, what);
        }

        @Test
        void aFieldNotSeenInThisRunIsNoChange() {
            assertThat(usersDiff("\"table\": {\"type\": \"string\"},", "",
                    "\"required\": [\"action\", \"db_schema\", \"old\", \"record\", \"table\", \"timestamp\"]",
                    "\"required\": [\"action\", \"db_schema\", \"old\", \"record\", \"timestamp\"]")).isEmpty();
        }

        @Test
        void aNewFieldIsAdditive() {
            assertThat(usersDiff("\"table\": {\"type\": \"string\"},",
                    "\"seq\": {\"type\": \"integer\"}, \"table\": {\"type\": \"string\"},")).containsExactly(
                    users(Kind.ADDITIVE, "/seq", "", "integer", "new optional field"));
        }

        @Test
        void aTypeChangeIsBreakingButAnIntegerWhereANumberIsAllowedIsNot() {
            String recordId = "\"id\":{\"type\": \"integer\"}";
            assertThat(usersDiff(recordId, "\"id\":{\"type\": \"string\"}")).containsExactly(
                    users(Kind.BREAKING, "/record/id", "integer", "string", "type changed"));
            assertThat(usersDiff(recordId, "\"id\":{\"type\": \"number\"}")).containsExactly(
                    users(Kind.BREAKING, "/record/id", "integer", "number", "type changed"));
            String number = replaced(USERS, recordId, "\"id\":{\"type\": \"number\"}");
            assertThat(ContractDiff.compare(observed("users", number), observed("users", USERS))).isEmpty();
        }

        @Test
        void nullSeenWhereItWasNotIsBreakingAndNullNotSeenIsNoChange() {
            assertThat(usersDiff("\"action\": {\"type\": \"string\"}",
                    "\"action\": {\"type\": [\"null\", \"string\"]}"))
                    .containsExactly(users(Kind.BREAKING, "/action", "string", "string or null", "became nullable"));
            assertThat(usersDiff("\"last_name\": {\"type\": [\"null\", \"string\"]}",
                    "\"last_name\": {\"type\": \"string\"}")).isEmpty();
        }

        @Test
        void aFieldSeenMissingWhereItWasAlwaysThereIsBreaking() {
            assertThat(usersDiff(
                    "\"required\": [\"action\", \"db_schema\", \"old\", \"record\", \"table\", \"timestamp\"]",
                    "\"required\": [\"action\", \"db_schema\", \"old\", \"record\", \"timestamp\"]")).containsExactly(
                    users(Kind.BREAKING, "/table", "always present", "sometimes missing", "field became optional"));
        }

        @Test
        void textWhereTheChannelSentJsonIsAPayloadKindChange() {
            assertThat(ContractDiff.compare(observed("users", USERS), observed("users", TEXT))).containsExactly(
                    users(Kind.BREAKING, "", "JSON", "text", "payload kind changed"));
        }

        @Test
        void textNotSeenInThisRunOnAChannelThatSendsBothIsNoChange() {
            String both = "{\"x-pg-notifications\": {\"origin\": \"observed\"}, \"anyOf\": [{\"type\": \"string\"},"
                    + " {\"type\": \"object\", \"properties\": {\"id\": {\"type\": \"integer\"}}}]}";
            String jsonOnly = "{\"x-pg-notifications\": {\"origin\": \"observed\"}, \"type\": \"object\","
                    + " \"properties\": {\"id\": {\"type\": \"integer\"}}}";
            assertThat(ContractDiff.compare(observed("jobs", both), observed("jobs", jsonOnly))).isEmpty();
            assertThat(ContractDiff.compare(observed("jobs", jsonOnly), observed("jobs", both)))
                    .extracting(ContractChange::what).containsExactly("payload kind changed");
        }
    }
}
