package io.github.pgnotifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Java snippets of the README and of every page under {@code docs/} compile because they are copies of compiled
 * code: each is found in a source file under
 * {@code examples/src/test/java} or {@code src/test/java}, or in the Quarkus consumer of {@code compat/quarkus-app}
 * (an application the library's own build cannot run), or is one of the few fragments in {@link #ALLOWED}, with
 * the reason it cannot be. Lines are compared without their indentation and with runs of spaces as one; blank lines
 * and whole-line comments do not count. A snippet may leave parts of the file out, at a blank line or a line
 * {@code ...}: its parts must then be found in one file, in the snippet's order. A snippet that shows a whole class
 * shows all its imports, so that a reader can copy it as it is.
 */
class ReadmeSnippetsTest {

    /** The project's root: surefire runs with it as the working directory and sets {@code basedir} to it. */
    private static final Path BASE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final List<String> SOURCE_ROOTS = List.of("examples/src/test/java", "src/test/java",
            "compat/quarkus-app/src/test/java", "compat/quarkus-app/src/main/java");
    private static final String ELISION = "...";
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(public |final |abstract )*(class|record|interface|enum) \\w+.*");
    /** A Markdown link: its target (a path, or nothing for the same page) and its #anchor, if any. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(#[^)\\s]+)?\\)");

    /**
     * Snippets that cannot be copies of compiled code, by their first line, and why. Keep this short: prefer making
     * an example that the snippet can be copied from.
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "@PgNotifications(server = \"postgres\", tables = \"users\", scripts = \"classpath:schema.sql\")",
            "a team's own Testcontainers container needs Docker, which the examples cannot count on;"
                    + " ServerAttributeTest.TeamContainerCase runs the same where Docker answers");

    private static List<Path> pages;
    private static List<Snippet> snippets;
    private static List<Source> sources;

    @BeforeAll
    static void readTheDocumentationAndTheSources() throws IOException {
        pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> files = Files.list(BASE.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().map(BASE::relativize).forEach(pages::add);
        }
        snippets = new ArrayList<>();
        for (Path page : pages) {
            snippets.addAll(Snippet.allIn(page, Files.readAllLines(BASE.resolve(page), StandardCharsets.UTF_8)));
        }
        sources = new ArrayList<>();
        for (String root : SOURCE_ROOTS) {
            try (Stream<Path> files = Files.walk(BASE.resolve(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    // This file quotes snippets in ALLOWED; it must not count as their source.
                    if (!file.getFileName().toString().equals(ReadmeSnippetsTest.class.getSimpleName() + ".java")) {
                        sources.add(new Source(BASE.relativize(file), codeLines(Files.readAllLines(file,
                                StandardCharsets.UTF_8))));
                    }
                }
            }
        }
    }

    @Test
    void theReadmeAndTheDocsHaveJavaSnippetsAndTheSourcesAreFound() {
        assertThat(pages).as("README.md and the pages under docs/").hasSizeGreaterThan(5);
        assertThat(snippets).as("```java blocks in " + pages).hasSizeGreaterThan(10)
                .anyMatch(snippet -> snippet.page().startsWith("docs"));
        assertThat(sources).as("source files under " + SOURCE_ROOTS).hasSizeGreaterThan(20);
    }

    @Test
    void everyJavaSnippetIsACopyOfCompiledCodeOrAnAllowedFragment() {
        List<String> strays = new ArrayList<>();
        for (Snippet snippet : snippets) {
            if (!ALLOWED.containsKey(snippet.firstLine()) && sources.stream().noneMatch(snippet::isCopiedFrom)) {
                strays.add(snippet.describe() + " is not in any file under " + SOURCE_ROOTS + whereItStops(snippet));
            }
        }
        assertThat(strays).as("snippets that are not copies of compiled code; copy them from an example (or change the"
                + " example and copy it again)").isEmpty();
    }

    @Test
    void everySnippetThatShowsAWholeClassShowsAllItsImports() {
        List<String> withoutImports = snippets.stream()
                .filter(Snippet::isWholeClass)
                .filter(snippet -> sources.stream().noneMatch(source -> snippet.isCopiedFrom(source)
                        && source.imports().equals(snippet.imports())))
                .map(Snippet::describe)
                .toList();
        assertThat(withoutImports).as("whole-class snippets whose imports are not those of the file they are copied"
                + " from").isEmpty();
    }

    @Test
    void everyAllowedFragmentIsStillInTheDocumentation() {
        List<String> firstLines = snippets.stream().map(Snippet::firstLine).toList();
        assertThat(firstLines).as("snippets; an entry of ALLOWED that none starts with is stale")
                .containsAll(ALLOWED.keySet());
    }

    @Test
    void everyLinkBetweenPagesLeadsToAFileAndAHeadingThatExist() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(BASE.resolve(page), StandardCharsets.UTF_8);
            for (String line : lines) {
                Matcher link = LINK.matcher(line);
                while (link.find()) {
                    String problem = problemWith(page, link.group(1), link.group(2));
                    if (problem != null) {
                        broken.add(page + ": (" + link.group(1) + (link.group(2) == null ? "" : link.group(2))
                                + ") " + problem);
                    }
                }
            }
        }
        assertThat(broken).as("links in " + pages).isEmpty();
    }

    /** Null if the link leads to an existing file (and heading); otherwise what is wrong. */
    private static String problemWith(Path page, String target, String anchor) throws IOException {
        if (target.startsWith("http")) {
            return null;
        }
        Path file = target.isEmpty() ? BASE.resolve(page) : BASE.resolve(page).getParent().resolve(target).normalize();
        if (!Files.exists(file)) {
            return "no such file";
        }
        if (anchor == null || !file.toString().endsWith(".md")) {
            return null;
        }
        List<String> headings = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
        return headings.contains(anchor.substring(1)) ? null : "no heading for " + anchor;
    }

    /** The first part of the snippet that no file has, else that its parts are not all in one file in order. */
    private static String whereItStops(Snippet snippet) {
        for (List<String> part : snippet.parts()) {
            if (sources.stream().noneMatch(source -> source.indexOf(part, 0) >= 0)) {
                return "; no file has this part: " + String.join(" / ", part);
            }
        }
        return "; each part is somewhere, but no one file has them all in this order";
    }

    /** A line as compared: without indentation, runs of white space as one space. */
    private static String normalised(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static boolean isComment(String normalisedLine) {
        return normalisedLine.startsWith("//") || normalisedLine.startsWith("/*") || normalisedLine.startsWith("*");
    }

    /** A source file's lines as compared, without blank lines and whole-line comments. */
    private static List<String> codeLines(List<String> lines) {
        return lines.stream().map(ReadmeSnippetsTest::normalised)
                .filter(line -> !line.isEmpty() && !isComment(line))
                .collect(Collectors.toList());
    }

    private static List<String> imports(List<String> normalisedLines) {
        return normalisedLines.stream().filter(line -> line.startsWith("import ")).toList();
    }

    /** A source file. */
    private record Source(Path path, List<String> lines) {

        List<String> imports() {
            return ReadmeSnippetsTest.imports(lines);
        }

        /** Where {@code part} starts as consecutive lines, at {@code from} or later; -1 if it does not. */
        int indexOf(List<String> part, int from) {
            for (int start = from; start + part.size() <= lines.size(); start++) {
                if (lines.subList(start, start + part.size()).equals(part)) {
                    return start;
                }
            }
            return -1;
        }
    }

    /**
     * One {@code ```java} block of a page.
     *
     * @param page  the page, relative to the project's root
     * @param line  the line the block starts on
     * @param lines the block's lines as written
     */
    private record Snippet(Path page, int line, List<String> lines) {

        static List<Snippet> allIn(Path page, List<String> text) {
            List<Snippet> found = new ArrayList<>();
            for (int i = 0; i < text.size(); i++) {
                if (text.get(i).strip().equals("```java")) {
                    int start = i;
                    List<String> body = new ArrayList<>();
                    for (i++; i < text.size() && !text.get(i).strip().equals("```"); i++) {
                        body.add(text.get(i));
                    }
                    found.add(new Snippet(page, start + 1, body));
                }
            }
            return found;
        }

        /** The parts a file must have in this order: the snippet split at blank lines and {@code ...}. */
        List<List<String>> parts() {
            List<List<String>> parts = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (String raw : lines) {
                String line = normalised(raw);
                if (line.isEmpty() || line.equals(ELISION)) {
                    if (!current.isEmpty()) {
                        parts.add(current);
                        current = new ArrayList<>();
                    }
                } else if (!isComment(line)) {
                    current.add(line);
                }
            }
            if (!current.isEmpty()) {
                parts.add(current);
            }
            return parts;
        }

        boolean isCopiedFrom(Source source) {
            int from = 0;
            for (List<String> part : parts()) {
                int at = source.indexOf(part, from);
                if (at < 0) {
                    return false;
                }
                from = at + part.size();
            }
            return true;
        }

        /** A top-level type declared and nothing left out. */
        boolean isWholeClass() {
            return lines.stream().anyMatch(line -> TYPE_DECLARATION.matcher(line).matches())
                    && lines.stream().noneMatch(line -> normalised(line).equals(ELISION));
        }

        List<String> imports() {
            return ReadmeSnippetsTest.imports(lines.stream().map(ReadmeSnippetsTest::normalised).toList());
        }

        String firstLine() {
            return lines.stream().map(ReadmeSnippetsTest::normalised).filter(line -> !line.isEmpty()).findFirst()
                    .orElse("");
        }

        String describe() {
            return page + " line " + line + " (" + firstLine() + ")";
        }
    }
}
