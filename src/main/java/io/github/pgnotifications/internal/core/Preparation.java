package io.github.pgnotifications.internal.core;

import io.github.pgnotifications.ConnectionInfo;
import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import io.github.pgnotifications.internal.listen.ChannelNames;
import io.github.pgnotifications.internal.provision.Jdbc;
import io.github.pgnotifications.internal.provision.JdbcUrl;
import io.github.pgnotifications.internal.schema.Catalog;
import io.github.pgnotifications.internal.schema.InstalledTriggers;
import io.github.pgnotifications.internal.schema.Migrations;
import io.github.pgnotifications.internal.schema.Script;
import io.github.pgnotifications.internal.schema.ScriptRunner;
import io.github.pgnotifications.internal.schema.TableName;
import io.github.pgnotifications.internal.schema.TriggerInstaller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a class's database needs before its tests run: the migrations, the scripts, the change triggers. Its
 * {@link #digest()} tells preparations apart: classes whose digests are equal get clones of one template. Templates
 * live as long as the run that built them, so a migration file changed between runs is always migrated anew.
 */
final class Preparation {

    private final SessionSettings settings;
    private final List<Script> scripts;
    private final boolean triggers;
    private final String digest;

    private Preparation(SessionSettings settings, List<Script> scripts, boolean triggers) {
        this.settings = settings;
        this.scripts = scripts;
        this.triggers = triggers;
        this.digest = digest(settings, scripts, triggers);
    }

    /** Reads the scripts and checks the names before anything touches the server. */
    static Preparation of(SessionSettings settings) {
        return checked(settings, true);
    }

    /**
     * A preparation that leaves the triggers out, for an application that builds (or changes) the schema itself
     * after the database is prepared: {@link #installOnApplicationSchema} installs them once it has.
     */
    static Preparation withoutTriggers(SessionSettings settings) {
        return checked(settings, false);
    }

    private static Preparation checked(SessionSettings settings, boolean triggers) {
        List<Script> scripts = settings.scripts().stream().map(Script::load).toList();
        settings.channels().forEach(channel -> ChannelNames.validate(channel, "@PgNotifications(channels)"));
        settings.tables().forEach(TableName::checkGiven);
        return new Preparation(settings, scripts, triggers);
    }

    String digest() {
        return digest;
    }

    /** The scripts it runs, in order. */
    List<Script> scripts() {
        return scripts;
    }

    /**
     * Migrates, runs the scripts and installs the triggers; returns the catalog, read before the triggers went in (the
     * library's own schema is no user table). Each script runs on a session of its own, so that what one sets (a
     * search_path, as pg_dump output does, a role, a time zone) reaches neither the next script nor the library's
     * own catalog reads.
     */
    Catalog applyTo(ConnectionInfo database) {
        Migrations.run(database, settings.flyway(), settings.liquibase());
        scripts.forEach(script -> runAlone(database, script));
        try (Connection connection = Jdbc.connect(database)) {
            Catalog catalog = Catalog.read(connection);
            if (triggers) {
                plan(catalog).install(connection);
            }
            return catalog;
        } catch (SQLException e) {
            throw new SetupException(Messages.prepareFailed(JdbcUrl.parse(database.jdbcUrl()).database(), e.getMessage()), e);
        }
    }

    /**
     * Installs the triggers on the schema an application built after {@link #applyTo}: a table named in
     * {@code tables} that nothing in the database answers to is named with what built the schema.
     *
     * @param builtBy what built the schema ("Flyway (locations ...)"), asked only when a table is missing; null for
     *                nothing
     */
    void installOnApplicationSchema(ConnectionInfo database, Supplier<String> builtBy) {
        try (Connection connection = Jdbc.connect(database)) {
            Catalog catalog = Catalog.read(connection);
            for (String table : settings.tables()) {
                if (catalog.hasNothingNamed(table)) {
                    throw new SetupException(Messages.tableNotInApplicationSchema(table, builtBy.get(),
                            catalog.tables()));
                }
            }
            plan(catalog).install(connection);
        } catch (SQLException e) {
            throw new SetupException(Messages.prepareFailed(JdbcUrl.parse(database.jdbcUrl()).database(), e.getMessage()), e);
        }
    }

    /** The triggers of a prepared database, from its catalog. */
    InstalledTriggers plan(Catalog catalog) {
        return InstalledTriggers.plan(catalog, settings.tables(), settings.sensitiveColumns(),
                settings.checkSensitive());
    }

    private static void runAlone(ConnectionInfo database, Script script) {
        // Simple query mode sends each script to the server as one text, so error positions point into the script.
        ConnectionInfo simple = new ConnectionInfo(database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&"
                : "?") + "preferQueryMode=simple", database.username(), database.password());
        try (Connection connection = Jdbc.connect(simple)) {
            ScriptRunner.run(connection, script);
        } catch (SQLException e) {
            throw new SetupException(Messages.prepareFailed(JdbcUrl.parse(database.jdbcUrl()).database(), e.getMessage()), e);
        }
    }

    private static String digest(SessionSettings settings, List<Script> scripts, boolean triggers) {
        MessageDigest digest = sha256();
        text(digest, triggers ? TriggerInstaller.VERSION : "no triggers");
        text(digest, String.valueOf(settings.tables()));
        text(digest, settings.sensitiveColumns() + "/" + settings.checkSensitive());
        text(digest, settings.flyway() + "/" + settings.liquibase());
        scripts.forEach(script -> {
            text(digest, script.location());
            text(digest, script.sql());
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void text(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
