package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.ChildJvm;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a JVM leaves behind (nothing when it exits, nothing that breaks the next run when it is killed), and what it
 * says when an optional dependency is missing: each in a JVM of its own.
 */
@Timeout(180)
class JvmExitTest {

    @Test
    void noEmbeddedPostgresProcessOutlivesAJvmThatExits() throws Exception {
        Process child = startChild("exit");
        String dataDirectory = readDataDirectory(child);

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();

        assertThat(postgresProcessesServing(dataDirectory)).isEmpty();
    }

    @Test
    void aKilledJvmLeavesNothingThatBreaksTheNextRun() throws Exception {
        Process killed = startChild("wait");
        String orphanedDirectory = readDataDirectory(killed);
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Process next = startChild("exit");
        String nextDirectory = readDataDirectory(next);
        assertThat(next.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(next.exitValue()).isZero();
        assertThat(nextDirectory).isNotEqualTo(orphanedDirectory);
        assertThat(postgresProcessesServing(orphanedDirectory))
                .as("the killed JVM's server is stopped when the next run starts").isEmpty();
    }

    @Test
    void containerModeWithoutTestcontainersOnTheClasspathSaysWhichDependencyToAdd() throws Exception {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("testcontainers")).collect(Collectors.joining(File.pathSeparator));
        Process child = startChild("container", classpath);

        String failure = readLine(child, "failure=");

        assertThat(failure).isEqualTo("Container mode (pgnotifications.server=container, image postgres:17-alpine)"
                + " needs org.testcontainers:testcontainers-postgresql on the test classpath, and it is not there. Add"
                + " it as a test dependency, or remove pgnotifications.server to use the embedded PostgreSQL default"
                + " (no setting needed, no Docker).");
    }

    @Test
    void environmentVariablesConfigureTheServerAndSystemPropertiesWinOverThem() throws Exception {
        ProcessBuilder fromEnvironment = childProcess("settings", System.getProperty("java.class.path"));
        fromEnvironment.environment().put("PGNOTIFICATIONS_JDBC_URL", "jdbc:postgresql://db.example:6543/app");
        fromEnvironment.environment().put("PGNOTIFICATIONS_USERNAME", "from_env");
        ProcessBuilder propertyWins = childProcess("settings", System.getProperty("java.class.path"),
                "-Dpgnotifications.username=from_property");
        propertyWins.environment().putAll(fromEnvironment.environment());

        assertThat(readLine(fromEnvironment.start(), "settings="))
                .isEqualTo("EXISTING jdbc:postgresql://db.example:6543/app from_env");
        assertThat(readLine(propertyWins.start(), "settings="))
                .isEqualTo("EXISTING jdbc:postgresql://db.example:6543/app from_property");
    }

    private static Process startChild(String mode) throws IOException {
        return startChild(mode, System.getProperty("java.class.path"));
    }

    private static Process startChild(String mode, String classpath) throws IOException {
        return childProcess(mode, classpath).start();
    }

    private static ProcessBuilder childProcess(String mode, String classpath, String... jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classpath, ChildJvm.class.getName(), mode));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static String readDataDirectory(Process child) throws IOException {
        return readLine(child, "data_directory=");
    }

    private static String readLine(Process child, String prefix) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        throw new AssertionError("the child JVM ended without printing " + prefix + "; exit value "
                + (child.isAlive() ? "(running)" : child.exitValue()));
    }

    private static List<ProcessHandle> postgresProcessesServing(String dataDirectory) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(dataDirectory))
                .toList();
    }
}
