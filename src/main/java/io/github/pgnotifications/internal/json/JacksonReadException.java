package io.github.pgnotifications.internal.json;

/**
 * A payload that the user's Jackson could not read as the asked type: Jackson's own message, without the source
 * excerpt it appends, and the 1-based line and column where Jackson stopped when it says (else -1). The cause is
 * Jackson's exception.
 */
public final class JacksonReadException extends Exception {

    private final String problem;
    private final int line;
    private final int column;

    JacksonReadException(String problem, int line, int column, Throwable cause) {
        super(line < 0 ? problem : problem + " (line " + line + ", column " + column + ")", cause);
        this.problem = problem;
        this.line = line;
        this.column = column;
    }

    /** Jackson's original message, without the position. */
    public String problem() {
        return problem;
    }

    /** The line where Jackson stopped, or -1 when it did not say. */
    public int line() {
        return line;
    }

    /** The column where Jackson stopped, or -1 when it did not say. */
    public int column() {
        return column;
    }
}
