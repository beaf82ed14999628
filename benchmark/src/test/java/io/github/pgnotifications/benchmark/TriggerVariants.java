package io.github.pgnotifications.benchmark;

import io.github.pgnotifications.ConnectionInfo;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Where the library's trigger spends its time: copies of the installed trigger function, each with one thing taken
 * out or done another way, each on a table of its own, measured in the same rounds as the bulk figure. The copies
 * are edited from the server's own text of the function ({@code pg_get_functiondef}); a variant whose edit no longer
 * applies (the function changed) is left out and named.
 */
final class TriggerVariants {

    /**
     * One edited copy.
     *
     * @param table       the table its trigger is on
     * @param description what was changed
     */
    record Variant(String table, String description) {
    }

    private static final String INSTALLED = "pgnotifications.notify_change()";
    private static final Pattern SET_CLAUSE = Pattern.compile("(?m)^ SET search_path.*$");
    private static final Pattern SEQ_FROM_SEQUENCE = Pattern.compile("nextval\\('pgnotifications\\.seq'\\)");

    private TriggerVariants() {
    }

    /** Creates the variants whose edit applies; lists the others in {@code skipped}. */
    static List<Variant> create(ConnectionInfo database, List<String> skipped) throws Exception {
        List<Variant> created = new ArrayList<>();
        try (Connection connection = Connections.open(database); Statement statement = connection.createStatement()) {
            String installed = functionText(statement);
            String trigger = triggerText(statement);
            for (Map.Entry<String, UnaryOperator<String>> edit : edits().entrySet()) {
                String edited = edit.getValue().apply(installed);
                if (edited == null) {
                    skipped.add(edit.getKey());
                } else {
                    created.add(install(statement, edited, trigger, created.size() + 1, edit.getKey()));
                }
            }
        }
        return created;
    }

    /** What each variant changes, by description; an edit returns null when it does not apply. */
    private static Map<String, UnaryOperator<String>> edits() {
        UnaryOperator<String> noSet = text -> edit(text, SET_CLAUSE, "");
        UnaryOperator<String> noSeq = text -> edit(text, SEQ_FROM_SEQUENCE, "1");
        Map<String, UnaryOperator<String>> edits = new LinkedHashMap<>();
        edits.put("without its SET search_path clause", noSet);
        edits.put("without seq (a constant instead of nextval)", noSeq);
        edits.put("without both", text -> noSeq.apply(noSet.apply(text)));
        return edits;
    }

    private static String functionText(Statement statement) throws Exception {
        return single(statement, "SELECT pg_get_functiondef('" + INSTALLED + "'::regprocedure)");
    }

    /** The library's trigger on the bulk table, as the server shows it, with its arguments. */
    private static String triggerText(Statement statement) throws Exception {
        return single(statement, "SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = '"
                + BulkInsert.OURS + "'::regclass AND NOT tgisinternal");
    }

    private static String single(Statement statement, String query) throws Exception {
        try (ResultSet text = statement.executeQuery(query)) {
            text.next();
            return text.getString(1);
        }
    }

    /** Applies an edit; null when the pattern is not in the text, so that the variant is left out. */
    private static String edit(String text, Pattern pattern, String replacement) {
        if (text == null || !pattern.matcher(text).find()) {
            return null;
        }
        return pattern.matcher(text).replaceAll(replacement.replace("$", "\\$"));
    }

    /** Creates the edited function and a table like the others with the installed trigger calling it instead. */
    private static Variant install(Statement statement, String edited, String trigger, int number,
                                   String description) throws Exception {
        String table = "bulk_variant_" + number;
        String function = "public." + table + "_notify";
        statement.execute(edited.replace(INSTALLED, function + "()"));
        BulkInsert.createTable(statement, table);
        // The same trigger with the same arguments, on the variant's table, calling the variant, sending to a channel
        // of its own that nobody listens to.
        statement.execute(trigger.replace("public." + BulkInsert.OURS, "public." + table)
                .replace("'" + BulkInsert.OURS + "'", "'" + table + "'")
                .replace(INSTALLED.replace("()", "("), function + "("));
        return new Variant(table, description);
    }
}
