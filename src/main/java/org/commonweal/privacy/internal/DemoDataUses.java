package org.commonweal.privacy.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commonweal.exchange.Agreements;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.ApiTokens;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.Organisations;
import org.commonweal.privacy.PrivacySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the demo city's first start, the data administration (DATA) looks up citizen.liu's vehicles
 * through the real gateway, naming her invented ID number as X-Road-UserId and a case number as
 * X-Road-Issue, so her "who used my data" page shows real call records. It waits for the demo
 * vehicle service and agreement (set up by the exchange's demo), uses a token issued for this and
 * revokes it afterwards.
 */
@Component
class DemoDataUses {

    private static final Logger log = LoggerFactory.getLogger(DemoDataUses.class);
    private static final List<String> PLATES = List.of("清A12345", "清B67890", "清A2468D");

    private final PrivacySettings settings;
    private final Agreements agreements;
    private final ApiTokens tokens;
    private final Organisations organisations;
    private final Accounts accounts;
    private final Environment environment;
    private final String instance;
    private final TransactionTemplate ownTransaction;

    DemoDataUses(PrivacySettings settings, Agreements agreements, ApiTokens tokens, Organisations organisations,
                 Accounts accounts, Environment environment, PlatformTransactionManager transactions,
                 @Value("${commonweal.identity.instance:CW-DEMO}") String instance) {
        this.ownTransaction = new TransactionTemplate(transactions);
        // the token must be committed before the gateway (another thread) can see it
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.agreements = agreements;
        this.tokens = tokens;
        this.organisations = organisations;
        this.accounts = accounts;
        this.environment = environment;
        this.instance = instance;
    }

    @ApplicationModuleListener
    void on(DemoCityLoaded loaded) throws InterruptedException {
        if (settings.demoCalls() <= 0) {
            return;
        }
        String service = instance + "/GOV/TRANSPORT/vehicles/vehicle-registrations";
        for (int waited = 0; waited < 120 && (agreements.between("DATA", service).isEmpty()
                || environment.getProperty("local.server.port") == null); waited++) {
            Thread.sleep(500); // the exchange's demo sets the service up from its own events
        }
        if (agreements.between("DATA", service).isEmpty()) {
            log.info("No demo vehicle service agreement: no demo calls for 'who used my data'");
            return;
        }
        UUID data = organisations.find(OrganisationIdentifier.of(instance, "GOV", "DATA")).orElseThrow().id();
        UUID admin = accounts.findByUsername("admin.data").map(a -> a.id()).orElse(null);
        if (admin == null) {
            return; // the demo city without its data administrator: no one to issue the token
        }
        ApiTokens.IssuedToken token = ownTransaction.execute(status -> tokens.issue(data, "demo: who used my data", admin));
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            String base = "http://127.0.0.1:" + environment.getProperty("local.server.port") + "/r1/" + service + "/";
            for (int i = 0; i < settings.demoCalls(); i++) {
                String plate = PLATES.get(i % PLATES.size());
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + URLEncoder.encode(plate, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token.secret())
                        .header("X-Road-Client", instance + "/GOV/DATA/service-hall")
                        .header("X-Road-UserId", DemoSubjects.INVENTED_ID_NUMBERS.get("citizen.liu"))
                        .header("X-Road-Issue", "QH-FW-2026-" + String.format("%05d", 1201 + i))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                log.debug("Demo call {} answered {}", i + 1, response.statusCode());
            }
        } catch (java.io.IOException e) {
            log.warn("Demo calls for 'who used my data' failed: {}", e.getMessage());
        } finally {
            ownTransaction.executeWithoutResult(status -> tokens.revoke(data, token.info().id()));
        }
    }
}
