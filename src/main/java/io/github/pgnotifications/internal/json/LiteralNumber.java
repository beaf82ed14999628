package io.github.pgnotifications.internal.json;

import java.math.BigInteger;

/**
 * A JSON number whose scale does not fit the {@code int} of a {@link java.math.BigDecimal}
 * ({@code 1e2147483648}, {@code 1E-2147483649}, {@code -0.0e999999999999}): PostgreSQL's {@code json} type accepts
 * any exponent and passes it on verbatim, so such a number can arrive in a row image. Kept as its literal:
 * {@link #toString()} is the exact text that arrived. Two are equal when their unscaled values and scales are, as
 * with {@code BigDecimal} ({@code 1e2147483648} equals {@code 1E+2147483648}, not {@code 10e2147483647}); compare
 * by value with {@code Values.matches}. The primitive values are those of {@link Double#parseDouble}: infinite or
 * zero, and integral values saturate or are zero. Immutable.
 */
public final class LiteralNumber extends Number {

    private static final long serialVersionUID = 1L;

    private final String literal;
    private final BigInteger unscaled;
    private final BigInteger scale;

    /** From a literal that is a JSON number (checked by the reader). */
    LiteralNumber(String literal) {
        this.literal = literal;
        int exponentMark = Math.max(literal.indexOf('e'), literal.indexOf('E'));
        String mantissa = literal.substring(0, exponentMark);
        int point = mantissa.indexOf('.');
        int fractionDigits = point < 0 ? 0 : mantissa.length() - point - 1;
        this.unscaled = new BigInteger(point < 0 ? mantissa : mantissa.substring(0, point)
                + mantissa.substring(point + 1));
        this.scale = BigInteger.valueOf(fractionDigits).subtract(new BigInteger(literal.substring(exponentMark + 1)));
    }

    /** The digits without the decimal point, with the sign: {@code -0.0e999999999999} has {@code 0}. */
    public BigInteger unscaledValue() {
        return unscaled;
    }

    /** As BigDecimal's scale: the value is {@code unscaledValue() × 10^-scale()}. */
    public BigInteger scale() {
        return scale;
    }

    @Override
    public int intValue() {
        return (int) doubleValue();
    }

    @Override
    public long longValue() {
        return (long) doubleValue();
    }

    @Override
    public float floatValue() {
        return Float.parseFloat(literal);
    }

    @Override
    public double doubleValue() {
        return Double.parseDouble(literal);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LiteralNumber number && unscaled.equals(number.unscaled)
                && scale.equals(number.scale);
    }

    @Override
    public int hashCode() {
        return 31 * unscaled.hashCode() + scale.hashCode();
    }

    /** The literal exactly as it arrived. */
    @Override
    public String toString() {
        return literal;
    }
}
