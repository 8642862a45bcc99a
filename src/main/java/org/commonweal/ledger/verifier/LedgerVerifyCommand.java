package org.commonweal.ledger.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.commonweal.ledger.tlog.NoteVerifier;
import org.jspecify.annotations.Nullable;

/**
 * {@code ledger verify --url URL [--key VERIFIER_KEY] [--state FILE]}: audits a ledger and, with
 * a state file, checks it only grew since the last run.
 *
 * <p>Output is meant for people and scripts alike, so its lines are fixed:
 *
 * <ul>
 *   <li>standard output, on success: {@code OK <size> entries verified, root <base64>, <n> entries/s},
 *       then, if a previous state was checked, {@code consistent with previous checkpoint of size <size0>};</li>
 *   <li>standard output, when the log does not verify: {@code FAILED: <reason>}, the reason containing
 *       {@code first bad index <i>} when one entry could be named;</li>
 *   <li>standard error: {@code WARNING: ...} lines (trust on first use, a --key overriding the state's
 *       key), and {@code ERROR: ...} for usage, network and file problems, usage errors followed by
 *       the usage line.</li>
 * </ul>
 *
 * Exit codes: {@value #OK} verified, {@value #VERIFICATION_FAILED} the log failed verification,
 * {@value #ERROR} usage, network or file error (nothing was learnt about the log).
 */
public final class LedgerVerifyCommand {

    public static final int OK = 0;
    public static final int VERIFICATION_FAILED = 1;
    public static final int ERROR = 2;

    public static final String USAGE = VerifyOptions.USAGE;

    private LedgerVerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command on the arguments after the word {@code ledger}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (VerifyOptions.wantsHelp(args)) {
            out.println(USAGE);
            return OK;
        }
        VerifyOptions options;
        LedgerVerifier verifier;
        try {
            options = VerifyOptions.parse(args);
            verifier = new LedgerVerifier(options.url());
        } catch (IllegalArgumentException e) {
            err.println("ERROR: " + e.getMessage());
            err.println(USAGE);
            return ERROR;
        }
        try (verifier) {
            return verify(options, verifier, out, err);
        } catch (IOException e) {
            err.println("ERROR: " + describe(e));
            return ERROR;
        } catch (VerificationFailure e) {
            out.println("FAILED: " + e.getMessage());
            return VERIFICATION_FAILED;
        } catch (RuntimeException e) {
            // A bug here must not pass for a verdict on the log.
            err.println("ERROR: unexpected " + e);
            return ERROR;
        }
    }

    private static int verify(VerifyOptions options, LedgerVerifier verifier, PrintStream out, PrintStream err)
            throws IOException {
        Path stateFile = options.state();
        VerifierState previous = stateFile != null && Files.exists(stateFile) ? VerifierState.read(stateFile) : null;
        NoteVerifier key = resolveKey(options, previous, verifier, err);

        VerificationResult result = verifier.verify(key, previous);
        if (!result.ok()) {
            out.println("FAILED: " + result.message());
            return VERIFICATION_FAILED;
        }
        out.println("OK " + result.size() + " entries verified, root " + Base64.getEncoder().encodeToString(result.root())
                + ", " + result.entriesPerSecond() + " entries/s");
        result.previousSize().ifPresent(size -> out.println("consistent with previous checkpoint of size " + size));
        if (stateFile != null && result.checkpoint() != null) {
            try {
                VerifierState.of(result.checkpoint(), key).write(stateFile);
            } catch (IOException e) {
                throw new IOException("the log verified, but the state file " + stateFile + " could not be written: "
                        + describe(e), e);
            }
        }
        return OK;
    }

    // --key wins, then the key pinned in the state file; only with neither is the log's own word taken.
    private static NoteVerifier resolveKey(VerifyOptions options, @Nullable VerifierState previous, LedgerVerifier verifier,
            PrintStream err) throws IOException {
        NoteVerifier given = options.key();
        if (given != null) {
            if (previous != null && !previous.verifierKey().equals(given.verifierKey())) {
                err.println("WARNING: --key differs from the key recorded in " + options.state()
                        + "; using --key and recording it there");
            }
            return given;
        }
        if (previous != null) {
            return previous.verifier();
        }
        NoteVerifier fetched = verifier.fetchVerifierKey();
        err.println("WARNING: no --key given, so the log's own key " + fetched.verifierKey() + " is trusted on first use; "
                + (options.state() == null
                        ? "pass --state FILE to pin it for later runs, or --key to check it against a known key"
                        : "it is recorded in " + options.state() + " and required from now on"));
        return fetched;
    }

    // The message chain, without repeats; the class name only when nobody said anything.
    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : ": ").append(message);
            }
        }
        return text.isEmpty() ? error.getClass().getSimpleName() : text.toString();
    }
}
