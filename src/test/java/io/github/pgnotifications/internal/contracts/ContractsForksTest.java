package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two forked JVMs of one run end together and leave one merged file, as Surefire's forks do. */
@Timeout(120)
class ContractsForksTest {

    @TempDir
    Path folder;

    @Test
    void twoJvmsOfOneRunEndingTogetherLeaveOneMergedDeterministicFile() throws Exception {
        String run = UUID.randomUUID().toString();
        String first = "{\"id\": 1, \"note\": \"a\"}";
        String second = "{\"id\": 2, \"total\": 1.5}";
        List<Process> forks = List.of(fork(run, first), fork(run, second));
        for (Process fork : forks) {
            assertThat(firstLine(fork)).isEqualTo("ready");
        }

        for (Process fork : forks) {
            OutputStream in = fork.getOutputStream();
            in.write('\n');
            in.flush();
        }
        for (Process fork : forks) {
            assertThat(fork.waitFor(60, TimeUnit.SECONDS)).as("the fork ended").isTrue();
            assertThat(fork.exitValue()).isZero();
        }

        assertThat(Files.readString(folder.resolve("feed.schema.json"), StandardCharsets.UTF_8))
                .isEqualTo(ContractJson.write(ObservedShapes.merge(shape(first), shape(second))))
                .isEqualTo(ContractJson.write(ObservedShapes.merge(shape(second), shape(first))));
    }

    @Test
    void forksStartedThroughAShellAsSurefireStartsThemOnUnixAreOneRunOfTheBuildsJvm() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh, as Surefire's forks on Unix");
        ProcessHandle build = ProcessHandle.current();
        String expected = build.pid() + "@" + build.info().startInstant().map(String::valueOf).orElse("?");

        assertThat(List.of(runIdOfForkThroughAShell(), runIdOfForkThroughAShell()))
                .as("each fork's parent is a shell of its own; the JVM above the shells is the run")
                .containsOnly(expected);
    }

    private String runIdOfForkThroughAShell() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Not the shell's last command, so that the shell stays the fork's parent instead of exec'ing into java.
        String script = "\"$0\" -cp \"$1\" " + RunIdOfFork.class.getName() + " \"$2\"; exit $?";
        Process fork = new ProcessBuilder("/bin/sh", "-c", script, java, System.getProperty("java.class.path"),
                folder.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String runId = firstLine(fork);
        assertThat(fork.waitFor(60, TimeUnit.SECONDS)).as("the fork ended").isTrue();
        return runId;
    }

    private Process fork(String run, String payload) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ForkedRun.class.getName(),
                folder.toString(), run, payload));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String firstLine(Process fork) throws Exception {
        return new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8)).readLine();
    }

    private static ChannelContract shape(String json) {
        ObservedShapes shapes = new ObservedShapes();
        shapes.observe("feed", json);
        return shapes.contractOf("feed").orElseThrow();
    }
}
