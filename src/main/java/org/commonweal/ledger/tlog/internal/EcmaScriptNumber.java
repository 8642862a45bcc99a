package org.commonweal.ledger.tlog.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * ECMAScript {@code Number.prototype.toString} for doubles (ECMA-262 Number::toString), which
 * RFC 8785 §3.2.2.3 prescribes for JSON numbers.
 *
 * <p>Since JDK 19, {@link Double#toString(double)} yields the shortest decimal that round-trips,
 * choosing the closest (ties to even) among equally short ones: the digits ECMAScript picks, with
 * one exception. When a single digit would do, the JDK still considers two digits and prefers a
 * closer two-digit decimal ({@code 4.9E-324} where ECMAScript prints {@code 5e-324}), so two-digit
 * results are re-checked against their one-digit neighbours. The layout then follows ECMAScript's
 * rules for where the decimal point goes and when to switch to exponent form.
 */
public final class EcmaScriptNumber {

    private EcmaScriptNumber() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no representation for " + value);
        }
        if (value == 0) {
            return "0"; // also -0, as ECMAScript prints it
        }
        String sign = value < 0 ? "-" : "";
        Decimal decimal = Decimal.shortest(Math.abs(value));
        String s = decimal.digits();
        int k = s.length();
        int n = decimal.pointPosition();
        // Names k, n and s follow ECMA-262: value = s × 10^(n−k), s having k digits.
        if (k <= n && n <= 21) {
            return sign + s + "0".repeat(n - k);
        }
        if (0 < n && n <= 21) {
            return sign + s.substring(0, n) + "." + s.substring(n);
        }
        if (-6 < n && n <= 0) {
            return sign + "0." + "0".repeat(-n) + s;
        }
        String exponent = (n - 1 < 0 ? "-" : "+") + Math.abs(n - 1);
        String mantissa = k == 1 ? s : s.charAt(0) + "." + s.substring(1);
        return sign + mantissa + "e" + exponent;
    }

    /**
     * A positive decimal {@code 0.digits × 10^pointPosition}, digits without leading or trailing
     * zeros.
     */
    private record Decimal(String digits, int pointPosition) {

        static Decimal shortest(double positive) {
            Decimal jdk = fromJdk(positive);
            if (jdk.digits.length() != 2) {
                return jdk;
            }
            int first = jdk.digits.charAt(0) - '0';
            Decimal down = new Decimal(Integer.toString(first), jdk.pointPosition);
            Decimal up = first == 9
                    ? new Decimal("1", jdk.pointPosition + 1)
                    : new Decimal(Integer.toString(first + 1), jdk.pointPosition);
            boolean downWorks = down.toDouble() == positive;
            boolean upWorks = up.toDouble() == positive;
            if (downWorks && upWorks) {
                // ECMAScript: the candidate closest to the exact value; on a tie, the even digit.
                BigDecimal exact = new BigDecimal(positive);
                int order = exact.subtract(down.toBigDecimal()).compareTo(up.toBigDecimal().subtract(exact));
                if (order != 0) {
                    return order < 0 ? down : up;
                }
                return first % 2 == 0 ? down : up;
            }
            return downWorks ? down : upWorks ? up : jdk;
        }

        BigDecimal toBigDecimal() {
            return new BigDecimal(new BigInteger(digits), digits.length() - pointPosition);
        }

        double toDouble() {
            return toBigDecimal().doubleValue();
        }

        private static Decimal fromJdk(double positive) {
            String text = Double.toString(positive);
            int exponentAt = text.indexOf('E');
            String mantissa = exponentAt < 0 ? text : text.substring(0, exponentAt);
            int exponent = exponentAt < 0 ? 0 : Integer.parseInt(text.substring(exponentAt + 1));
            int dot = mantissa.indexOf('.');
            String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int point = dot + exponent;
            int leadingZeros = 0;
            while (digits.charAt(leadingZeros) == '0') {
                leadingZeros++;
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(leadingZeros, end), point - leadingZeros);
        }
    }
}
