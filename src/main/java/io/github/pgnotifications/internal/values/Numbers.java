package io.github.pgnotifications.internal.values;

import io.github.pgnotifications.internal.json.JsonReader;
import io.github.pgnotifications.internal.json.JsonSyntaxException;
import io.github.pgnotifications.internal.json.LiteralNumber;
import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers compared by value: exact decimals, whatever the Java type. */
final class Numbers {

    /** Canonical texts are plain up to this scale either way; a plain 1E+999999999 would be a gigabyte of zeros. */
    private static final int PLAIN_SCALE_LIMIT = 1000;

    private Numbers() {
    }

    /** The exact value of a number, or null for NaN, the infinities and a LiteralNumber beyond BigDecimal. */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof LiteralNumber) {
            return null;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        // The shortest decimal that reads back as this double: 0.1 is 0.1, not 0.1000000000000000055511151231257827.
        return new BigDecimal(number.toString());
    }

    /** A text that is a plain decimal number (as JSON or PostgreSQL write one), or null. */
    static BigDecimal parse(String text) {
        char first = text.charAt(0);
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+' && first != '.') {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A text that is a JSON number beyond BigDecimal ({@code 1e2147483648}), or null. */
    static LiteralNumber parseLiteral(String text) {
        if (!hasOnlyNumberCharactersAndAnExponent(text)) {
            return null;
        }
        try {
            return JsonReader.parse(text) instanceof LiteralNumber number ? number : null;
        } catch (JsonSyntaxException e) {
            return null;
        }
    }

    /** Checked first, so that keying a UUID or a date, which BigDecimal refused already, costs no parse. */
    private static boolean hasOnlyNumberCharactersAndAnExponent(String text) {
        boolean exponent = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            exponent |= c == 'e' || c == 'E';
            if (!(c >= '0' && c <= '9' || c == 'e' || c == 'E' || c == '.' || c == '-' || c == '+')) {
                return false;
            }
        }
        return exponent;
    }

    /**
     * One text per value: {@code 7}, {@code 7.0} and {@code 7.00} are all {@code 7}. Beyond a scale of 1000 either
     * way, the digits and the power of ten: {@code 1E+5000}.
     */
    static String canonical(BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return "0";
        }
        BigDecimal stripped = decimal.stripTrailingZeros();
        return Math.abs((long) stripped.scale()) <= PLAIN_SCALE_LIMIT ? stripped.toPlainString()
                : scientific(stripped.unscaledValue(), BigInteger.valueOf(stripped.scale()));
    }

    /** The same text as a BigDecimal of the same value would have, when one could. */
    static String canonical(LiteralNumber number) {
        if (number.unscaledValue().signum() == 0) {
            return "0";
        }
        BigDecimal digits = new BigDecimal(number.unscaledValue()).stripTrailingZeros();
        BigInteger scale = number.scale().add(BigInteger.valueOf(digits.scale()));
        return scale.bitLength() < Integer.SIZE ? canonical(new BigDecimal(digits.unscaledValue(), scale.intValue()))
                : scientific(digits.unscaledValue(), scale);
    }

    private static String scientific(BigInteger unscaled, BigInteger scale) {
        BigInteger power = scale.negate();
        return unscaled + (power.signum() > 0 ? "E+" : "E") + power;
    }
}
