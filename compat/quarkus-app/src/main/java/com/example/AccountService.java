package com.example;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;

@ApplicationScoped
public class AccountService {

    @Transactional
    public Account create(String owner, BigDecimal balance) {
        Account account = new Account();
        account.owner = owner;
        account.balance = balance;
        account.persist();
        return account;
    }

    @Transactional
    public void deposit(long id, BigDecimal amount) {
        Account account = Account.findById(id);
        account.balance = account.balance.add(amount);
    }

    /** Rolled back on purpose when the amount would overdraw the account. */
    @Transactional
    public void withdraw(long id, BigDecimal amount) {
        Account account = Account.findById(id);
        account.balance = account.balance.subtract(amount);
        if (account.balance.signum() < 0) {
            throw new IllegalStateException("Account " + id + " would be overdrawn");
        }
    }
}
