package io.github.pgnotifications.internal.junit;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/** Whether Spring's JUnit extension runs a test class (directly, through {@code @SpringBootTest} and the like, or on an enclosing class). */
final class SpringTests {

    private static final String SPRING_EXTENSION = "org.springframework.test.context.junit.jupiter.SpringExtension";

    private SpringTests() {
    }

    static boolean runsWithSpring(Class<?> testClass) {
        for (Optional<Class<?>> type = Optional.of(testClass); type.isPresent();
             type = Optional.ofNullable(type.get().getEnclosingClass())) {
            boolean spring = AnnotationSupport.findRepeatableAnnotations(type.get(), ExtendWith.class).stream()
                    .flatMap(extendWith -> Arrays.stream(extendWith.value()))
                    .anyMatch(extension -> extension.getName().equals(SPRING_EXTENSION));
            if (spring) {
                return true;
            }
        }
        return false;
    }
}
