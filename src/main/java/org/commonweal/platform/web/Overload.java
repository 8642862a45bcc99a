package org.commonweal.platform.web;

import java.sql.SQLTransientConnectionException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises the failures that mean "too busy right now" rather than "broken": no database
 * connection could be had in time (every one in use under a burst of requests, or the database
 * restarting), or a write waited too long for its turn. They are answered 503 with a
 * {@code Retry-After}, so clients back off and retry instead of reporting a bug.
 */
public final class Overload {

    /** Seconds a client should wait before trying again: a burst that filled the pool drains in about that. */
    public static final String RETRY_AFTER_SECONDS = "2";

    private Overload() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessResourceException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    public static void askToRetryLater(HttpServletResponse response) {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
    }
}
