package org.commonweal.exchange.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

import org.commonweal.catalogue.DataResourceRegistered;
import org.commonweal.exchange.AgreementTerms;
import org.commonweal.exchange.Agreements;
import org.commonweal.exchange.ExchangeServices;
import org.commonweal.exchange.ExchangeSettings;
import org.commonweal.exchange.RegisteredService;
import org.commonweal.exchange.ServiceRegistration;
import org.commonweal.identity.Accounts;
import org.commonweal.identity.CommonwealUser;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.identity.Role;
import org.commonweal.platform.CommonwealException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The demo city's exchange: the transport bureau's vehicle registration system (a small HTTP
 * server on loopback), registered as the service of the catalogue's motor vehicle registrations,
 * and an agreement that lets the government services and data administration (DATA) look vehicles up.
 * Set up once, when the demo city and its catalogue are loaded; on later starts the system starts
 * again and the service is pointed at its new port.
 */
@Component
class DemoExchange implements AutoCloseable {

    static final String RESOURCE = "QH-TRANSPORT-0001";
    private static final Logger log = LoggerFactory.getLogger(DemoExchange.class);
    private static final CommonwealUser SYSTEM =
            new CommonwealUser(Accounts.SYSTEM, "system", null, Set.of(Role.PLATFORM_ADMIN), false);

    private final ExchangeServices services;
    private final ResourceDirectory resources;
    private final Agreements agreements;
    private final ExchangeSettings settings;
    private final String serviceId;
    private final String consumer;
    private volatile boolean demoLoaded;
    private DemoVehicleSystem system;

    DemoExchange(ExchangeServices services, ResourceDirectory resources, Agreements agreements, ExchangeSettings settings,
                 @Value("${commonweal.identity.instance:CW-DEMO}") String instance) {
        this.services = services;
        this.resources = resources;
        this.agreements = agreements;
        this.settings = settings;
        this.serviceId = instance + "/GOV/TRANSPORT/vehicles/vehicle-registrations";
        this.consumer = instance + "/GOV/DATA";
    }

    /** On every start: if the demo service exists, its system runs again and the service follows its port. */
    @EventListener(ApplicationReadyEvent.class)
    void restart() {
        services.find(serviceId).filter(RegisteredService::active).ifPresent(service -> {
            String baseUrl = system().baseUrl();
            if (!service.baseUrl().equals(baseUrl)) {
                services.moveTo(serviceId, baseUrl, SYSTEM);
            }
        });
    }

    @ApplicationModuleListener
    void on(DemoCityLoaded loaded) {
        demoLoaded = true;
        setUp();
    }

    @ApplicationModuleListener
    void on(DataResourceRegistered registered) {
        if (demoLoaded && RESOURCE.equals(registered.code())) {
            setUp();
        }
    }

    /** Each step only if not done yet, so a second event or a restart changes nothing. */
    private synchronized void setUp() {
        if (settings.demoProviderPort() < 0 || resources.find(RESOURCE).isEmpty()) {
            // no demo, or the catalogue resource is not there yet: its registration event brings us back
            return;
        }
        try {
            if (services.find(serviceId).isEmpty()) {
                services.register(new ServiceRegistration(serviceId, RESOURCE, system().baseUrl(), OPENAPI, Map.of(
                        "$.plate", "plate_number", "$.type", "vehicle_type", "$.registeredOn", "registered_on",
                        "$.owner.name", "owner_name", "$.owner.idNumber", "owner_id_number",
                        "$.inspections[*].due", "inspection_due")), SYSTEM);
            }
            if (agreements.between("DATA", serviceId).isEmpty()) {
                agreements.grant(new AgreementTerms(consumer, serviceId, RESOURCE,
                        "办理车辆相关政务服务时核验车辆登记信息 / verifying vehicle registrations in vehicle-related service applications",
                        "《政务信息资源共享管理暂行办法》第十条 / Interim Measures on Sharing Government Information Resources, art. 10",
                        Set.of("plate_number", "vehicle_type", "owner_name", "inspection_due"),
                        agreements.today().plusYears(1), 600, 0), "system");
                log.info("Demo exchange ready: {} at {}, DATA may call it", serviceId, system().baseUrl());
            }
        } catch (CommonwealException e) {
            // the catalogue resource is not there yet: its registration event brings us back
            log.debug("Demo exchange not set up yet: {}", e.getMessage());
        }
    }

    private synchronized DemoVehicleSystem system() {
        if (system == null) {
            try {
                system = new DemoVehicleSystem(Math.max(0, settings.demoProviderPort()));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the demo vehicle registration system", e);
            }
        }
        return system;
    }

    @Override
    public synchronized void close() {
        if (system != null) {
            system.close();
        }
    }

    private static final String OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"Qinghe vehicle registrations (demo)","version":"1.0"},
             "paths":{"/{plate}":{"get":{"summary":"One vehicle by its plate","parameters":[{"name":"plate","in":"path","required":true,"schema":{"type":"string"}}],
             "responses":{"200":{"description":"The vehicle","content":{"application/json":{"schema":{"type":"object","properties":{
               "plate":{"type":"string"},"type":{"type":"string"},"registeredOn":{"type":"string","format":"date"},
               "owner":{"type":"object","properties":{"name":{"type":"string"},"idNumber":{"type":"string"}}},
               "inspections":{"type":"array","items":{"type":"object","properties":{"due":{"type":"string","format":"date"}}}}}}}}},
               "404":{"description":"No such vehicle"}}}}}}""";
}
