package org.commonweal.opendata.datastore.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.commonweal.opendata.datastore.Datastore;
import org.commonweal.opendata.datastore.LoadProgress;
import org.commonweal.opendata.datastore.TestFiles;
import org.commonweal.support.CommonwealIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Until the open data portal says who may read what, the datastore opens nothing over HTTP. */
@CommonwealIntegrationTest
class DatastoreWithoutAccessRulesIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Datastore datastore;

    @Test
    void answersEveryLoadedResourceAsNotFound() throws Exception {
        UUID id = UUID.randomUUID();
        datastore.load(id, TestFiles.utf8("a\n1\n"), "a.csv", LoadProgress.NONE);
        assertThat(datastore.info(id)).isPresent();
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[]{"/api/3/action/datastore_search?resource_id=" + id, "/data/datastore/" + id + ".csv",
                "/data/datastore/" + id + ".json"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("\"a\"");
        }
    }
}
