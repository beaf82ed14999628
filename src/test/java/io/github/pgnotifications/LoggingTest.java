package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.ChildJvm;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the library's warnings go: through SLF4J when the test classpath has a provider, and otherwise through
 * {@code System.Logger} (java.util.logging by default), which shows warnings on standard error as JUnit's own do, so
 * that a warning a user must act on is never lost to SLF4J's no-operation fallback. Run in a JVM of its own, whose
 * classpath has no SLF4J provider.
 */
@Timeout(120)
class LoggingTest {

    @Test
    void withoutAnSlf4jProviderTheLibrarysWarningsStillReachStandardError(@TempDir Path output) throws Exception {
        String withoutProvider = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("slf4j-simple")).collect(Collectors.joining(File.pathSeparator));
        Path out = output.resolve("out.txt");
        Path err = output.resolve("err.txt");
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", withoutProvider, ChildJvm.class.getName(), "lose-listener"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();

        assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();

        assertThat(read(out)).contains("gaps=1");
        assertThat(read(err)).containsPattern("WARNING: Listener connection to pgnotifications_\\S+ lost \\(FATAL:"
                + " terminating connection due to administrator command \\(57P01\\)\\); reconnecting");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
