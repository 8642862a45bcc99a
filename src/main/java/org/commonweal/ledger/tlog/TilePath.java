package org.commonweal.ledger.tlog;

import java.util.List;

/**
 * C2SP tlog-tiles paths: {@code tile/<L>/<N>[.p/<W>]} and {@code tile/entries/<N>[.p/<W>]}.
 *
 * <p>{@code N} is written in zero-padded 3-digit groups, all but the last prefixed with {@code x}:
 * 1234067 is {@code x001/x234/067}. {@link #parse} accepts exactly the canonical form
 * {@link #format} produces (no leading zeros in L or W, no {@code x000} leading group, no
 * {@code .p/256}), so every resource has one path and one cache key.
 */
public final class TilePath {

    private static final String PREFIX = "tile/";
    private static final String ENTRIES = "entries";
    private static final String PARTIAL = ".p/";
    // 7 groups of 3 digits cover every non-negative long (19 digits).
    private static final int MAX_GROUPS = 7;

    private TilePath() {
    }

    public static String format(Tile tile) {
        return PREFIX + tile.level() + "/" + formatIndex(tile.index()) + partialSuffix(tile.width());
    }

    public static String format(EntryTile bundle) {
        return PREFIX + ENTRIES + "/" + formatIndex(bundle.index()) + partialSuffix(bundle.width());
    }

    /** {@code N} as path elements: 67 → {@code 067}, 1234067 → {@code x001/x234/067}. */
    public static String formatIndex(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("tile index " + index + " is negative");
        }
        StringBuilder path = new StringBuilder(threeDigits(index % 1000));
        for (long rest = index / 1000; rest > 0; rest /= 1000) {
            path.insert(0, "x" + threeDigits(rest % 1000) + "/");
        }
        return path.toString();
    }

    /**
     * Parses a path relative to the log prefix, e.g. {@code tile/1/x001/234.p/17}.
     *
     * @throws TilePathException if the path is not a canonical tile or entry bundle path
     */
    public static TileResource parse(String path) {
        if (!path.startsWith(PREFIX)) {
            throw new TilePathException(path, "must start with \"" + PREFIX + "\"");
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            throw new TilePathException(path, "missing tile index after the level");
        }
        String levelPart = rest.substring(0, slash);
        String indexPart = rest.substring(slash + 1);
        int width = Tile.FULL_WIDTH;
        int partial = indexPart.indexOf(PARTIAL);
        if (partial >= 0) {
            width = parseWidth(path, indexPart.substring(partial + PARTIAL.length()));
            indexPart = indexPart.substring(0, partial);
        }
        long index = parseIndex(path, indexPart);
        if (levelPart.equals(ENTRIES)) {
            return new EntryTile(index, width);
        }
        return new Tile(parseLevel(path, levelPart), index, width);
    }

    // Not String.format: with some default locales %d prints non-ASCII digits.
    private static String threeDigits(long group) {
        String digits = Long.toString(group);
        return "0".repeat(3 - digits.length()) + digits;
    }

    private static String partialSuffix(int width) {
        return width == Tile.FULL_WIDTH ? "" : PARTIAL + width;
    }

    private static int parseLevel(String path, String text) {
        if (!isCanonicalDecimal(text) || text.length() > 2 || Integer.parseInt(text) > Tile.MAX_LEVEL) {
            throw new TilePathException(path, "level \"" + text + "\" must be \"entries\" or a decimal 0.."
                    + Tile.MAX_LEVEL + " without leading zeros");
        }
        return Integer.parseInt(text);
    }

    private static int parseWidth(String path, String text) {
        if (!isCanonicalDecimal(text) || text.length() > 3 || text.equals("0")
                || Integer.parseInt(text) >= Tile.FULL_WIDTH) {
            throw new TilePathException(path, "partial width \"" + text + "\" must be a decimal 1.."
                    + (Tile.FULL_WIDTH - 1) + " without leading zeros");
        }
        return Integer.parseInt(text);
    }

    private static long parseIndex(String path, String text) {
        List<String> groups = List.of(text.split("/", -1));
        if (groups.size() > MAX_GROUPS) {
            throw new TilePathException(path, "tile index has more than " + MAX_GROUPS + " path elements");
        }
        long index = 0;
        for (int i = 0; i < groups.size(); i++) {
            boolean last = i == groups.size() - 1;
            String group = groups.get(i);
            String digits = last ? group : stripX(path, group);
            if (digits.length() != 3 || !isAsciiDigits(digits)) {
                throw new TilePathException(path, "tile index element \"" + group + "\" must be "
                        + (last ? "3 digits" : "\"x\" and 3 digits"));
            }
            if (i == 0 && !last && digits.equals("000")) {
                throw new TilePathException(path, "tile index has a leading zero element \"" + group + "\"");
            }
            try {
                index = Math.addExact(Math.multiplyExact(index, 1000), Integer.parseInt(digits));
            } catch (ArithmeticException e) {
                throw new TilePathException(path, "tile index is too large");
            }
        }
        return index;
    }

    private static String stripX(String path, String group) {
        if (!group.startsWith("x")) {
            throw new TilePathException(path, "tile index element \"" + group + "\" must start with \"x\"");
        }
        return group.substring(1);
    }

    private static boolean isCanonicalDecimal(String text) {
        return !text.isEmpty() && isAsciiDigits(text) && (text.length() == 1 || text.charAt(0) != '0');
    }

    // Character.isDigit would also accept non-ASCII digits such as Arabic-Indic ones.
    private static boolean isAsciiDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
