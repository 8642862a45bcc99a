package org.commonweal.opendata.internal;

import java.io.InputStream;
import java.util.UUID;

import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.DatastoreRefused;
import org.commonweal.opendata.datastore.LoadProgress;
import org.springframework.stereotype.Component;

/**
 * Hands tabular resources (CSV, Excel) to the datastore inside the caller's transaction, so a file
 * the datastore refuses leaves neither a table nor a resource behind.
 */
@Component
public class TabularLoading {

    private final Datastore datastore;

    TabularLoading(Datastore datastore) {
        this.datastore = datastore;
    }

    /** @throws DatastoreRefused with the reason and the line when the file cannot be loaded */
    public void load(UUID resourceId, InputStream content, String fileName, LoadProgress progress) {
        datastore.load(resourceId, content, fileName, progress);
    }
}
