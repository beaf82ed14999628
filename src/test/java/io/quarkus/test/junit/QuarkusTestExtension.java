package io.quarkus.test.junit;

import org.junit.jupiter.api.extension.Extension;

/**
 * A stand-in named as Quarkus's JUnit extension, which this build does not have: pg-notifications recognises a class
 * that Quarkus runs by this name alone, so QuarkusMisuseTest can show what a {@code @QuarkusTest} class is told when
 * it asks for what the Quarkus integration cannot give. It does nothing; the real integration runs in
 * compat/quarkus-app.
 */
public class QuarkusTestExtension implements Extension {
}
