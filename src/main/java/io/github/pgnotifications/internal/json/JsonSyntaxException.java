package io.github.pgnotifications.internal.json;

/**
 * Text that is not JSON: what was wrong, and the 1-based line and column where reading stopped. Columns count
 * characters as a reader sees them (a surrogate pair is one column).
 */
public final class JsonSyntaxException extends Exception {

    private final String problem;
    private final int line;
    private final int column;

    JsonSyntaxException(String problem, int line, int column) {
        super(problem + " (line " + line + ", column " + column + ")");
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** What was wrong, without the position. */
    public String problem() {
        return problem;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
