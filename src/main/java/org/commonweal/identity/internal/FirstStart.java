package org.commonweal.identity.internal;

import java.util.Set;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.identity.Role;
import org.commonweal.platform.EmbeddedDatabaseCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * On the first start: creates the platform administrator, loads the demo city when asked (by
 * default only on the embedded database) and prints, once, how to sign in.
 */
@Component
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String DEMO_LOADED = "demo-city-loaded";

    private final Accounts accounts;
    private final DemoCity demoCity;
    private final JdbcClient jdbc;
    private final IdentitySettings identity;
    private final DemoSettings demo;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    FirstStart(Accounts accounts, DemoCity demoCity, JdbcClient jdbc, IdentitySettings identity, DemoSettings demo,
               Environment environment, ApplicationEventPublisher events) {
        this.events = events;
        this.accounts = accounts;
        this.demoCity = demoCity;
        this.jdbc = jdbc;
        this.identity = identity;
        this.demo = demo;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // one node at a time: two nodes starting together must not both create the administrator
        jdbc.sql("SELECT pg_advisory_xact_lock(4242)").query().singleValue();
        StringBuilder banner = new StringBuilder();
        if (!accounts.anyPlatformAdmin()) {
            boolean given = StringUtils.hasText(identity.adminPassword());
            String password = given ? identity.adminPassword() : GeneratedPasswords.generate();
            accounts.create(identity.adminUsername(), "Platform administrator", password, null,
                    Set.of(Role.PLATFORM_ADMIN), Accounts.SYSTEM);
            banner.append("  Platform administrator: ").append(identity.adminUsername()).append(" / ")
                    .append(given ? "(the password in COMMONWEAL_IDENTITY_ADMIN_PASSWORD)" : password).append('\n');
        }
        boolean loadDemo = demoWanted() && !demoLoaded();
        if (loadDemo) {
            boolean given = StringUtils.hasText(demo.password());
            String password = given ? demo.password() : GeneratedPasswords.generate();
            demoCity.load(password);
            jdbc.sql("INSERT INTO identity_setup (key, value) VALUES (?, 'true')").param(DEMO_LOADED).update();
            events.publishEvent(new DemoCityLoaded(java.time.Instant.now()));
            banner.append("  Demo city Qinghe loaded. Every demo account uses the password ")
                    .append(given ? "in COMMONWEAL_DEMO_PASSWORD" : password).append('\n');
            demoCity.accountsToShow().forEach(a -> banner.append("    ").append(a.username()).append("  ")
                    .append(a.roles()).append('\n'));
        }
        if (!banner.isEmpty()) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            String text = "\n\n=== Commonweal is ready at http://localhost:" + port + " — sign in with (shown only this once):\n"
                    + banner + "===\n";
            System.out.println(text);
            log.info("First-start setup done (demo city loaded: {}); sign-in details were printed once", loadDemo);
        }
    }

    private boolean demoWanted() {
        return demo.enabled() != null ? demo.enabled() : EmbeddedDatabaseCondition.isEmbedded(environment);
    }

    private boolean demoLoaded() {
        return jdbc.sql("SELECT count(*) FROM identity_setup WHERE key = ?").param(DEMO_LOADED)
                .query(Integer.class).single() > 0;
    }
}
