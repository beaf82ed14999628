package io.github.pgnotifications.internal.provision;

import io.github.pgnotifications.internal.Messages;
import io.github.pgnotifications.internal.SetupException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.StringJoiner;
import org.postgresql.Driver;

/**
 * A PostgreSQL JDBC URL taken apart by the driver's own parser, so that the credentials can be kept out of it and the
 * same server can be addressed with another database.
 *
 * @param hosts    host names, one per server
 * @param ports    ports, one per host
 * @param database the database name
 * @param params   the other URL parameters, without user and password
 * @param user     the user given in the URL, or null
 * @param password the password given in the URL, or null
 */
public record JdbcUrl(List<String> hosts, List<String> ports, String database, Map<String, String> params,
                      String user, String password) {

    private static final List<String> PARSER_KEYS = List.of("PGDBNAME", "PGHOST", "PGPORT", "user", "password");

    /** Parses a URL; the error names the URL without its password. */
    public static JdbcUrl parse(String url) {
        Properties props = Driver.parseURL(url, null);
        if (props == null) {
            throw new SetupException(Messages.badJdbcUrl(stripPassword(url)));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String name : props.stringPropertyNames()) {
            if (!PARSER_KEYS.contains(name)) {
                params.put(name, props.getProperty(name));
            }
        }
        return new JdbcUrl(List.of(props.getProperty("PGHOST", "localhost").split(",")),
                List.of(props.getProperty("PGPORT", "5432").split(",")),
                props.getProperty("PGDBNAME", ""), Map.copyOf(params),
                props.getProperty("user"), props.getProperty("password"));
    }

    /** The same server and parameters with another database. */
    public JdbcUrl withDatabase(String name) {
        return new JdbcUrl(hosts, ports, name, params, user, password);
    }

    /** The URL without user and password. */
    public String toUrl() {
        StringJoiner servers = new StringJoiner(",");
        for (int i = 0; i < hosts.size(); i++) {
            servers.add(hosts.get(i) + ":" + ports.get(Math.min(i, ports.size() - 1)));
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        params.forEach((key, value) -> query.add(key + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return "jdbc:postgresql://" + servers + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8) + query;
    }

    /** Host and port list for messages, e.g. {@code 127.0.0.1:5432}. */
    public String servers() {
        return toUrl().substring("jdbc:postgresql://".length()).replaceFirst("/.*", "");
    }

    /** Best-effort removal of a password from text that may be an unparseable URL, for messages. */
    static String stripPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
