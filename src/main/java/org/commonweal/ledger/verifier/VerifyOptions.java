package org.commonweal.ledger.verifier;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import org.commonweal.ledger.tlog.NoteException;
import org.commonweal.ledger.tlog.NoteVerifier;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of {@code ledger verify}, checked as far as possible before anything is fetched,
 * so that a typo is a usage error rather than a network or verification failure.
 *
 * @param url the log's base URL
 * @param key the verifier key given with {@code --key}, or null
 * @param state the state file given with {@code --state}, or null
 */
record VerifyOptions(URI url, @Nullable NoteVerifier key, @Nullable Path state) {

    static final String USAGE = "usage: ledger verify --url URL [--key VERIFIER_KEY] [--state FILE]";

    /** Whether the arguments ask for the usage line rather than a run; checked before {@link #parse}. */
    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }

    /** @throws IllegalArgumentException saying what is wrong with the arguments */
    static VerifyOptions parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing command");
        }
        if (!args[0].equals("verify")) {
            throw new IllegalArgumentException("unknown command \"" + args[0] + "\"");
        }
        String url = null;
        String key = null;
        String state = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--url") && !option.equals("--key") && !option.equals("--state")) {
                throw new IllegalArgumentException("unknown argument \"" + option + "\"");
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--url" -> url = once(option, url, value);
                case "--key" -> key = once(option, key, value);
                default -> state = once(option, state, value);
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("--url is required");
        }
        return new VerifyOptions(parseUrl(url), key == null ? null : parseKey(key), state == null ? null : parsePath(state));
    }

    private static String once(String option, @Nullable String previous, String value) {
        if (previous != null) {
            throw new IllegalArgumentException(option + " given more than once");
        }
        return value;
    }

    private static URI parseUrl(String text) {
        try {
            URI url = new URI(text);
            if (!url.isAbsolute() || !(url.getScheme().equals("http") || url.getScheme().equals("https"))
                    || url.getHost() == null) {
                throw new IllegalArgumentException("--url must be an absolute http or https URL, got \"" + text + "\"");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--url is not a valid URL: " + e.getMessage(), e);
        }
    }

    private static NoteVerifier parseKey(String text) {
        try {
            return NoteVerifier.fromVerifierKey(text);
        } catch (NoteException e) {
            throw new IllegalArgumentException("--key is not a verifier key: " + e.getMessage(), e);
        }
    }

    private static Path parsePath(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("--state is not a valid path: " + e.getMessage(), e);
        }
    }
}
