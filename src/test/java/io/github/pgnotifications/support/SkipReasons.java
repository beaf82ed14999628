package io.github.pgnotifications.support;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says on the build's console why each skipped test was skipped: surefire counts skipped tests ("Skipped: 1") but
 * prints no reason, neither for {@code @Disabled} nor for an {@code Assumptions} check that failed. Registered for the
 * suite in {@code META-INF/services}; the cases run through {@link Engine} do not pass through it.
 */
public final class SkipReasons implements TestExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(SkipReasons.class);

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        LOG.info("Skipped {}: {}", name(test), reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            LOG.info("Skipped {}: {}", name(test), result.getThrowable().map(Throwable::getMessage)
                    .orElse("no reason given"));
        }
    }

    private static String name(TestIdentifier test) {
        Optional<MethodSource> method = test.getSource().filter(MethodSource.class::isInstance)
                .map(MethodSource.class::cast);
        return method.map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName())
                .orElse(test.getDisplayName());
    }
}
