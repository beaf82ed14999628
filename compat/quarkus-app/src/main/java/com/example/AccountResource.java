package com.example;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

@Path("/accounts")
public class AccountResource {

    @Inject
    AccountService accounts;

    /** Opens an account for the owner given as the plain-text body; returns its id. */
    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    public long create(String owner) {
        return accounts.create(owner, BigDecimal.ZERO).id;
    }

    @POST
    @Path("/{id}/deposits")
    @Consumes(MediaType.TEXT_PLAIN)
    public void deposit(@PathParam("id") long id, String amount) {
        accounts.deposit(id, new BigDecimal(amount));
    }
}
