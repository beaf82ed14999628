package io.github.pgnotifications.internal.schema;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A SQL script named in {@code scripts}: a {@code classpath:} resource or a file path, read before anything touches
 * the server so that a missing script fails fast.
 *
 * @param location the location exactly as the user wrote it
 * @param sql      the script's text
 */
public record Script(String location, String sql) {

    private static final String CLASSPATH = "classpath:";

    /** Reads the script; the error names the location as given. */
    public static Script load(String location) {
        try {
            return new Script(location, location.startsWith(CLASSPATH) ? readResource(location) : readFile(location));
        } catch (IOException e) {
            throw new SetupException(Messages.scriptUnreadable(location, e.getMessage()), e);
        }
    }

    private static String readResource(String location) throws IOException {
        String name = location.substring(CLASSPATH.length()).replaceFirst("^/+", "");
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Script.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new SetupException(Messages.scriptNotOnClasspath(location));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String readFile(String location) throws IOException {
        Path path = Path.of(location);
        if (!Files.isRegularFile(path)) {
            throw new SetupException(Messages.scriptFileMissing(location, path.toAbsolutePath()));
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }
}
