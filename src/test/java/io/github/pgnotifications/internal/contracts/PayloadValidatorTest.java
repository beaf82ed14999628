package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PayloadValidatorTest {

    @Test
    void explore() {
        PayloadValidator accounts = PayloadValidator.of(SampleContracts.catalog("accounts", SampleContracts.ACCOUNTS));
        System.out.println(accounts.validate("{\"action\":\"insert\",\"db_schema\":\"public\",\"table\":\"accounts\","
                + "\"timestamp\":\"x\",\"seq\":1,\"record\":{\"id\":\"7\",\"balance\":1.5,\"extra\":true},"
                + "\"old\":{\"id\":1.5,\"balance\":1,\"owner\":null}}"));
        System.out.println(accounts.validate("hello")); System.out.println(accounts.validate("{\"action\":\"insert\",\"db_schema\":\"public\",\"table\":\"accounts\",\"timestamp\":\"x\",\"seq\":1,\"record\":{\"id\":7,\"balance\":1.5,\"owner\":null},\"old\":5}"));
        System.out.println(accounts.validate("{\"action\":\"truncate\",\"db_schema\":\"x\"}"));
        PayloadValidator users = PayloadValidator.of(SampleContracts.observed("users", SampleContracts.USERS));
        System.out.println(users.validate(SampleContracts.USERS_PAYLOAD));
        System.out.println(users.validate(SampleContracts.USERS_PAYLOAD.replace("\"id\": 42", "\"id\": \"7\"")));
        PayloadValidator text = PayloadValidator.of(SampleContracts.observed("jobs", SampleContracts.TEXT));
        System.out.println(text.validate("42"));
        assertThat(true).isTrue();
    }
}
