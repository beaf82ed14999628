package io.github.pgnotifications.support;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The library loaded again in class loaders of its own, as Quarkus loads test libraries: each loader's parent is the
 * platform class loader, so it shares nothing with the test's copy but the JDK. Uses the JDK's types only, so that
 * {@link #main} can run in a JVM whose system class loader has no copy of the library.
 */
public final class ClassLoaderSessions {

    /** The statements each session answers, in the order {@link #main} prints them. */
    public static final List<String> FACTS = List.of("SELECT inet_server_port()::text",
            "SELECT pg_postmaster_start_time()::text", "SELECT current_database()::text");

    private ClassLoaderSessions() {
    }

    /** A loader of its own over these class path entries, able to say which classes it has loaded. */
    public static Loader loader(List<String> entries) {
        URL[] urls = entries.stream().map(ClassLoaderSessions::url).toArray(URL[]::new);
        return new Loader(urls);
    }

    /** A {@link LoaderSession} opened in the loader; apply runs a query on its database, close closes it. */
    @SuppressWarnings("unchecked")
    public static <T extends Function<String, String> & AutoCloseable> T open(ClassLoader loader) {
        try {
            return (T) Class.forName(ClassLoaderSessions.class.getPackageName() + ".LoaderSession", true, loader)
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The test JVM's class path, the library's classes and its dependencies included. */
    public static List<String> testClassPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * For a child JVM: opens a session in each of two loaders over the class path given as the first argument, prints
     * each session's {@link #FACTS} and whether its loader loaded zonky's server class, then closes the second session
     * and prints whether the first still sees its database.
     */
    public static void main(String[] args) throws Exception {
        PrintStream toParent = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<String> entries = Arrays.asList(args[0].split(File.pathSeparator));
        // The loaders stay open: the one that started the server needs its classes for stopping it at exit.
        Loader first = loader(entries);
        Loader second = loader(entries);
        Function<String, String> one = open(first);
        Function<String, String> two = open(second);
        toParent.println("first=" + facts(one));
        toParent.println("second=" + facts(two));
        toParent.println("started=" + first.startedAServer() + "|" + second.startedAServer());
        String secondDatabase = two.apply("SELECT current_database()::text");
        ((AutoCloseable) two).close();
        toParent.println("second-database-left=" + one.apply("SELECT count(*)::text FROM pg_database WHERE datname = '"
                + secondDatabase + "'"));
        ((AutoCloseable) one).close();
    }

    /** The session's answers to {@link #FACTS}, joined by {@code |}. */
    public static String facts(Function<String, String> session) {
        List<String> facts = new ArrayList<>();
        FACTS.forEach(fact -> facts.add(session.apply(fact)));
        return String.join("|", facts);
    }

    /** A loader that can say whether it loaded zonky's server class: only a copy that starts a server does. */
    public static final class Loader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        Loader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        public boolean startedAServer() {
            return findLoadedClass("io.zonky.test.db.postgres.embedded.EmbeddedPostgres") != null
                    || findLoadedClass("io.github.pgnotifications.internal.shaded.zonky.embedded.EmbeddedPostgres")
                    != null;
        }

        @Override
        public void close() {
            try {
                super.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
