package io.github.pgnotifications.internal.values;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Numbers compared by value: exact decimals, whatever the Java type. */
final class Numbers {

    private Numbers() {
    }

    /** The exact value of a number, or null for NaN and the infinities. */
    static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
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

    /** One text per value: {@code 7}, {@code 7.0} and {@code 7.00} are all {@code 7}. */
    static String canonical(BigDecimal decimal) {
        return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
}
