package io.github.pgnotifications.internal.junit;

import io.github.pgnotifications.internal.Messages;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The JUnit Jupiter version the tests run on, checked once against the oldest one the extension supports. */
final class JUnitVersion {

    static final int MIN_MAJOR = 5;
    static final int MIN_MINOR = 10;

    private JUnitVersion() {
    }

    /** @throws ExtensionConfigurationException naming the version found and the one needed */
    static void check() {
        running().ifPresent(version -> {
            if (!supported(version)) {
                throw new ExtensionConfigurationException(Messages.junitTooOld(version,
                        MIN_MAJOR + "." + MIN_MINOR));
            }
        });
    }

    /** The version in junit-jupiter-api's manifest, if it has one (a build from source may not). */
    static Optional<String> running() {
        return Optional.ofNullable(Test.class.getPackage().getImplementationVersion());
    }

    static boolean supported(String version) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > MIN_MAJOR || major == MIN_MAJOR && minor >= MIN_MINOR;
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
