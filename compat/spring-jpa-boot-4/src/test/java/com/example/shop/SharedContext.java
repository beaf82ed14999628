package com.example.shop;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;

/** The application contexts the test classes ran in, for ZOneContextTest. */
final class SharedContext {

    static final Set<ApplicationContext> SEEN = ConcurrentHashMap.newKeySet();
    static final Set<String> CLASSES = ConcurrentHashMap.newKeySet();

    private SharedContext() {
    }

    static void ranIn(ApplicationContext context, Class<?> testClass) {
        SEEN.add(context);
        CLASSES.add(testClass.getSimpleName());
    }
}
