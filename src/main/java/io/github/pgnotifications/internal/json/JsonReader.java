package io.github.pgnotifications.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259, strictly, and everything PostgreSQL's {@code json} type accepts) into plain Java values:
 * objects as unmodifiable insertion-ordered maps (the last of duplicate names wins), arrays as unmodifiable lists,
 * strings, booleans, {@code null}, and numbers as {@link Long} when the literal is an integer that fits, else as a
 * {@link BigDecimal} of the exact literal (so {@code 1.10} keeps its scale and {@code 1e3} its exponent), else, when
 * the exponent is beyond a BigDecimal's scale, as a {@link LiteralNumber} that keeps the text.
 *
 * <p>As PostgreSQL's {@code json} does, a backslash-u escape of half a surrogate pair without its other half (D800
 * alone) is kept as that lone {@code char}: PostgreSQL stores such text and {@code row_to_json} sends it.
 *
 * <p>Hand-written rather than Jackson's: a test library that brings a JSON library onto its users' classpath
 * mixes versions with the one their framework manages, and our values must keep PostgreSQL's exact numbers, which
 * a general-purpose tree does not promise. One pass over the string, no regex; objects and arrays being read are
 * kept on a stack of our own, not the thread's, so nesting as deep as PostgreSQL writes costs no thread stack.
 */
public final class JsonReader {

    /**
     * How deep objects and arrays may nest. PostgreSQL 17 with its default {@code max_stack_depth} of 2 MB reads
     * {@code json} arrays 21,806 deep and {@code jsonb} 16,351; raising {@code max_stack_depth} to the most a usual
     * 8 MB stack allows reaches about 82,000. Deeper input is refused, saying so.
     */
    static final int MAX_DEPTH = 100_000;

    /** Integers of at most this many digits always fit in a long. */
    private static final int SAFE_LONG_DIGITS = 18;

    /** Exponents up to this size keep the scale of a decimal of at most 18 digits within an int. */
    private static final long MAX_SHORT_EXPONENT = 999_999_999;

    /** Marks that {@link #readValueOrOpen} opened a container whose first value comes next. */
    private static final Object OPENED = new Object();

    // One reader per parse, used by one thread: the position and the open containers are its only state.
    private final String text;
    private int pos;
    /** The objects (LinkedHashMap) and arrays (ArrayList) being read, outermost first; {@code depth} of them. */
    private Object[] open = new Object[8];
    /** For each open object, the name of the member whose value is being read. */
    private String[] names = new String[8];
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value the text holds; whitespace around it is allowed, anything else after it is not. */
    public static Object parse(String text) throws JsonSyntaxException {
        JsonReader reader = new JsonReader(text);
        Object value = reader.readDocument();
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.fail("unexpected text after the value");
        }
        return value;
    }

    /**
     * Reads values one after the other: an opening bracket pushes a container, any other value (an empty container
     * included) goes into the innermost open one, and each closing bracket pops it as the value that goes into the
     * next one out. Done when the outermost value is complete.
     */
    private Object readDocument() throws JsonSyntaxException {
        while (true) {
            Object value = readValueOrOpen();
            if (value == OPENED) {
                continue;
            }
            while (depth > 0) {
                if (!addToInnermost(value)) {
                    break;
                }
                value = close();
            }
            if (depth == 0) {
                return value;
            }
        }
    }

    /** A complete value, or {@link #OPENED} after pushing a non-empty object (with its first name) or array. */
    private Object readValueOrOpen() throws JsonSyntaxException {
        skipWhitespace();
        if (pos == text.length()) {
            throw fail("expected a value");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> openObject();
            case '[' -> openArray();
            case '"' -> readString();
            case 't' -> readLiteral("true", Boolean.TRUE);
            case 'f' -> readLiteral("false", Boolean.FALSE);
            case 'n' -> readLiteral("null", null);
            default -> {
                if (c != '-' && !isDigit(c)) {
                    throw fail("expected a value");
                }
                yield readNumber();
            }
        };
    }

    private Object openObject() throws JsonSyntaxException {
        checkDepth();
        pos++;
        skipWhitespace();
        if (consume('}')) {
            return Collections.emptyMap();
        }
        if (!at('"')) {
            throw fail("expected a member name in double quotes or '}'");
        }
        push(new LinkedHashMap<String, Object>());
        names[depth - 1] = readName();
        return OPENED;
    }

    private Object openArray() throws JsonSyntaxException {
        checkDepth();
        pos++;
        skipWhitespace();
        if (consume(']')) {
            return Collections.emptyList();
        }
        push(new ArrayList<>());
        return OPENED;
    }

    /** A member name at its quote, and the ':' after it. */
    private String readName() throws JsonSyntaxException {
        String name = readString();
        skipWhitespace();
        if (!consume(':')) {
            throw fail("expected ':' after a member name");
        }
        return name;
    }

    /** Puts a value into the innermost container; true when that container closed right after it. */
    @SuppressWarnings("unchecked")
    private boolean addToInnermost(Object value) throws JsonSyntaxException {
        Object container = open[depth - 1];
        if (container instanceof ArrayList<?> elements) {
            ((ArrayList<Object>) elements).add(value);
            return !nextElement();
        }
        ((Map<String, Object>) container).put(names[depth - 1], value);
        if (nextMember()) {
            names[depth - 1] = readName();
            return false;
        }
        return true;
    }

    /** Pops the innermost container, which has just closed, as an unmodifiable value. */
    @SuppressWarnings("unchecked")
    private Object close() {
        Object container = open[--depth];
        open[depth] = null;
        names[depth] = null;
        return container instanceof ArrayList<?> elements ? Collections.unmodifiableList(elements)
                : Collections.unmodifiableMap((Map<String, Object>) container);
    }

    /** After a member: true at a ',' followed by the next name, false at the closing '}'. */
    private boolean nextMember() throws JsonSyntaxException {
        skipWhitespace();
        if (consume('}')) {
            return false;
        }
        if (!consume(',')) {
            throw fail("expected ',' or '}' after an object member");
        }
        skipWhitespace();
        if (at('}')) {
            throw fail("trailing comma before '}'");
        }
        if (!at('"')) {
            throw fail("expected a member name in double quotes");
        }
        return true;
    }

    /** After an element: true at a ',' followed by the next element, false at the closing ']'. */
    private boolean nextElement() throws JsonSyntaxException {
        skipWhitespace();
        if (consume(']')) {
            return false;
        }
        if (!consume(',')) {
            throw fail("expected ',' or ']' after an array element");
        }
        skipWhitespace();
        if (at(']')) {
            throw fail("trailing comma before ']'");
        }
        return true;
    }

    /** Refuses, at the opening bracket at {@code pos}, one nesting level too many. */
    private void checkDepth() throws JsonSyntaxException {
        if (depth == MAX_DEPTH) {
            throw fail("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void push(Object container) {
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            names = Arrays.copyOf(names, depth * 2);
        }
        open[depth++] = container;
    }

    /** A string starting at the quote at {@code pos}; without escapes it is one substring of the text. */
    private String readString() throws JsonSyntaxException {
        int start = ++pos;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '"') {
                return text.substring(start, pos++);
            }
            if (c == '\\') {
                return readEscapedString(new StringBuilder(pos - start + 16).append(text, start, pos));
            }
            if (c < 0x20) {
                throw unescapedControlCharacter(c);
            }
        }
        throw fail("expected '\"' to close the string");
    }

    private String readEscapedString(StringBuilder value) throws JsonSyntaxException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return value.toString();
            }
            if (c == '\\') {
                readEscape(value);
            } else if (c < 0x20) {
                throw unescapedControlCharacter(c);
            } else {
                value.append(c);
                pos++;
            }
        }
        throw fail("expected '\"' to close the string");
    }

    /** Appends what the escape at {@code pos} (its backslash) stands for, and steps over it. */
    private void readEscape(StringBuilder value) throws JsonSyntaxException {
        pos++;
        if (pos == text.length()) {
            throw fail("expected an escape character after '\\'");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"', '\\', '/' -> value.append(c);
            case 'b' -> value.append('\b');
            case 'f' -> value.append('\f');
            case 'n' -> value.append('\n');
            case 'r' -> value.append('\r');
            case 't' -> value.append('\t');
            case 'u' -> readUnicodeEscape(value);
            default -> {
                pos--;
                throw fail("invalid escape character " + describe(c) + " after '\\'");
            }
        }
    }

    /**
     * A backslash-u escape as its UTF-16 unit. Two escapes of a surrogate pair make the pair; half of one alone stays
     * alone, as PostgreSQL's {@code json} keeps it ({@code jsonb} refuses it, so it cannot come from there).
     */
    private void readUnicodeEscape(StringBuilder value) throws JsonSyntaxException {
        value.append(readHexDigits());
    }

    private char readHexDigits() throws JsonSyntaxException {
        int unit = 0;
        for (int end = pos + 4; pos < end; pos++) {
            int digit = pos < text.length() ? Character.digit(text.charAt(pos), 16) : -1;
            if (digit < 0) {
                throw fail("expected 4 hex digits after '\\u'");
            }
            unit = unit << 4 | digit;
        }
        return (char) unit;
    }

    private Object readNumber() throws JsonSyntaxException {
        int start = pos;
        consume('-');
        int integerPart = pos;
        if (!atDigit()) {
            throw fail("expected a digit after '-'");
        }
        if (consume('0') && atDigit()) {
            pos = integerPart;
            throw fail("leading zeros are not allowed in a number");
        }
        skipDigits();
        int integerEnd = pos;
        if (consume('.')) {
            requireDigits("expected a digit after the decimal point");
        }
        if (consume('e') || consume('E')) {
            if (!consume('+')) {
                consume('-');
            }
            requireDigits("expected a digit in the exponent");
        }
        return pos == integerEnd ? integerValue(start, integerPart) : decimalValue(start);
    }

    private void requireDigits(String problem) throws JsonSyntaxException {
        if (!atDigit()) {
            throw fail(problem);
        }
        skipDigits();
    }

    /** A Long when it fits, counted without a substring when it surely does; else an exact BigDecimal. */
    private Object integerValue(int start, int integerPart) {
        if (pos - integerPart <= SAFE_LONG_DIGITS) {
            long value = 0;
            for (int i = integerPart; i < pos; i++) {
                value = value * 10 + (text.charAt(i) - '0');
            }
            return integerPart > start ? -value : value;
        }
        BigInteger value = new BigInteger(text.substring(start, pos));
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : new BigDecimal(value);
    }

    /**
     * The number of the literal from {@code start}, a fraction or exponent in it. When its digits fit a long it is built from them and its
     * scale: the value {@code new BigDecimal(literal)} gives, without the substring, several times faster.
     */
    private Number decimalValue(int start) {
        boolean negative = text.charAt(start) == '-';
        long unscaled = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean inFraction = false;
        int i = negative ? start + 1 : start;
        for (; i < pos && text.charAt(i) != 'e' && text.charAt(i) != 'E'; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                inFraction = true;
            } else {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                fractionDigits += inFraction ? 1 : 0;
            }
        }
        long exponent = i < pos ? exponentValue(i + 1) : 0;
        if (digits > SAFE_LONG_DIGITS || Math.abs(exponent) > MAX_SHORT_EXPONENT) {
            return exactDecimal(start);
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, (int) (fractionDigits - exponent));
    }

    /** The exponent from its sign or first digit to the end of the literal; Long.MAX_VALUE past 9 digits. */
    private long exponentValue(int from) {
        boolean negative = text.charAt(from) == '-';
        int first = isDigit(text.charAt(from)) ? from : from + 1;
        if (pos - first > 9) {
            return Long.MAX_VALUE;
        }
        long exponent = 0;
        for (int i = first; i < pos; i++) {
            exponent = exponent * 10 + (text.charAt(i) - '0');
        }
        return negative ? -exponent : exponent;
    }

    /** The BigDecimal of the literal from {@code start}, or its LiteralNumber when the scale is beyond an int. */
    private Number exactDecimal(int start) {
        String literal = text.substring(start, pos);
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException e) {
            return new LiteralNumber(literal);
        }
    }

    private Object readLiteral(String word, Object value) throws JsonSyntaxException {
        if (!text.startsWith(word, pos)) {
            throw fail("expected '" + word + "'");
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private void skipDigits() {
        while (atDigit()) {
            pos++;
        }
    }

    private boolean at(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean atDigit() {
        return pos < text.length() && isDigit(text.charAt(pos));
    }

    private boolean consume(char c) {
        if (at(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private JsonSyntaxException unescapedControlCharacter(char c) {
        return fail("control character " + describe(c) + " must be escaped in a string");
    }

    private static String describe(char c) {
        return c < 0x20 || c == 0x7f ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    /** The problem at {@code pos}, saying so when the text ended there; line and column counted only now. */
    private JsonSyntaxException fail(String problem) {
        String what = pos >= text.length() ? problem + " but the text ended" : problem;
        int line = 1;
        int column = 1;
        for (int i = 0; i < pos; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                column = 1;
            } else if (c != '\r' && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                column++;
            }
        }
        return new JsonSyntaxException(what, line, column);
    }
}
