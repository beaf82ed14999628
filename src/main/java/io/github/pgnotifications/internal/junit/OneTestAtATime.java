package io.github.pgnotifications.internal.junit;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

/**
 * The tests of one annotated class share its recorder, which is reset before each test; so under JUnit's parallel
 * execution they take a lock named after that class, and run one at a time. Different classes do not share the
 * lock and still run in parallel.
 *
 * <p>JUnit reads this from {@code @ResourceLock(providers = ...)}, which exists from JUnit 5.12 on; on older versions
 * this class is never loaded and {@link ClassLock} does the same from the extension.
 */
public class OneTestAtATime implements ResourceLocksProvider {

    /**
     * The resource every annotated class reads. JUnit before 5.12 requires a value on {@code @ResourceLock}; a shared
     * read lock keeps classes parallel.
     */
    public static final String SHARED_RESOURCE = "io.github.pgnotifications";

    private final Predicate<Class<?>> annotated;

    /** @param annotated whether a class carries {@code @PgNotifications} */
    protected OneTestAtATime(Predicate<Class<?>> annotated) {
        this.annotated = annotated;
    }

    @Override
    public Set<Lock> provideForMethod(List<Class<?>> enclosingInstanceTypes, Class<?> testClass, Method testMethod) {
        List<Class<?>> innermostFirst = new ArrayList<>(enclosingInstanceTypes);
        innermostFirst.add(testClass);
        Collections.reverse(innermostFirst);
        return innermostFirst.stream()
                .filter(annotated)
                .findFirst()
                .map(owner -> Set.of(new Lock("io.github.pgnotifications.recorder:" + owner.getName())))
                .orElse(Set.of());
    }
}
