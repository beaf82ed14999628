package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.internal.contracts.Contracts;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A run's contracts folder as kept in the root store: JUnit closes it when the run ends, after every class's session,
 * and closing writes what the run's mode says. A {@code CloseableResource} for JUnit before 5.13, an
 * {@code AutoCloseable} after; {@link Contracts#close()} acts once either way.
 */
@SuppressWarnings("deprecation")
final class StoredContracts implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Contracts contracts;

    StoredContracts(Contracts contracts) {
        this.contracts = contracts;
    }

    Contracts contracts() {
        return contracts;
    }

    @Override
    public void close() {
        contracts.close();
    }
}
