package io.github.pgnotifications.internal.junit;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Whether Quarkus's JUnit extension runs a test class ({@code @QuarkusTest}, directly or on an enclosing class), by
 * the extension's name, so that nothing of Quarkus is loaded where it is absent.
 */
final class QuarkusTests {

    private static final String QUARKUS_EXTENSION = "io.quarkus.test.junit.QuarkusTestExtension";

    private QuarkusTests() {
    }

    static boolean runsWithQuarkus(Class<?> testClass) {
        for (Optional<Class<?>> type = Optional.of(testClass); type.isPresent();
             type = Optional.ofNullable(type.get().getEnclosingClass())) {
            boolean quarkus = AnnotationSupport.findRepeatableAnnotations(type.get(), ExtendWith.class).stream()
                    .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                    .anyMatch(extension -> extension.getName().equals(QUARKUS_EXTENSION));
            if (quarkus) {
                return true;
            }
        }
        return false;
    }
}
