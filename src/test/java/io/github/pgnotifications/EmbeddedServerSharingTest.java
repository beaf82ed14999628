package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgnotifications.support.ClassLoaderSessions;
import io.github.pgnotifications.support.Sql;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One embedded server per JVM, however many class loaders load the library (Quarkus loads it in the system class
 * loader and again in a class loader of its own per application): a second copy uses the first copy's server and
 * starts none, and still drops its own databases.
 */
@Timeout(180)
class EmbeddedServerSharingTest {

    private static final String POSTGRES_START = ClassLoaderSessions.FACTS.get(1);

    @Test
    void aCopyOfTheLibraryInAnotherClassLoaderUsesTheSameServerAndStartsNone() throws Exception {
        try (PgNotificationsSession here = PgNotificationsSession.builder().channels("c").start();
             ClassLoaderSessions.Loader loader = ClassLoaderSessions.loader(ClassLoaderSessions.testClassPath())) {
            var there = ClassLoaderSessions.open(loader);
            String thereDatabase = there.apply("SELECT current_database()::text");

            assertThat(there.apply("SELECT inet_server_port()::text"))
                    .isEqualTo(Sql.column(here.dataSource(), "SELECT inet_server_port()::text").get(0));
            assertThat(there.apply(POSTGRES_START)).isEqualTo(Sql.column(here.dataSource(), POSTGRES_START).get(0));
            assertThat(loader.startedAServer()).as("the other copy loaded zonky's server class").isFalse();
            assertThat(thereDatabase).isNotEqualTo(Sql.column(here.dataSource(), "SELECT current_database()").get(0));

            there.close();

            assertThat(Sql.column(here.dataSource(), "SELECT count(*) FROM pg_database WHERE datname = ?",
                    thereDatabase)).containsExactly("0");
        }
    }

    /**
     * Where the system class loader has no copy of the library (a child JVM whose class path holds only the test
     * classes), the first copy's server is published for the others.
     */
    @Test
    void withoutACopyInTheSystemClassLoaderTheFirstCopysServerIsShared() throws Exception {
        String testClasses = ClassLoaderSessions.testClassPath().stream().filter(entry -> entry.endsWith("test-classes"))
                .findFirst().orElseThrow();
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                testClasses, ClassLoaderSessions.class.getName(), String.join(File.pathSeparator,
                ClassLoaderSessions.testClassPath())).redirectError(ProcessBuilder.Redirect.INHERIT).start();

        Map<String, String> printed = read(child);

        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isZero();
        List<String> first = List.of(printed.get("first").split("\\|"));
        List<String> second = List.of(printed.get("second").split("\\|"));
        assertThat(second.subList(0, 2)).as("port and start time").isEqualTo(first.subList(0, 2));
        assertThat(second.get(2)).isNotEqualTo(first.get(2));
        assertThat(printed.get("started")).as("which copy loaded zonky's server class").isEqualTo("true|false");
        assertThat(printed.get("second-database-left")).isEqualTo("0");
    }

    private static Map<String, String> read(Process child) throws Exception {
        Map<String, String> printed = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                int at = line.indexOf('=');
                if (at > 0) {
                    printed.put(line.substring(0, at), line.substring(at + 1));
                }
            }
        }
        return printed;
    }
}
