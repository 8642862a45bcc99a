package org.commonweal.ledger.tlog;

import java.io.Serial;

/**
 * A tile path is not in canonical C2SP tlog-tiles form. The message says which part is wrong,
 * so a web layer can return it with a 400.
 */
public class TilePathException extends IllegalArgumentException {

    @Serial
    private static final long serialVersionUID = 1L;

    public TilePathException(String path, String problem) {
        super("invalid tile path \"" + path + "\": " + problem);
    }
}
