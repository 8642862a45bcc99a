package org.commonweal.identity.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.District;
import org.commonweal.identity.Districts;
import org.commonweal.identity.OrganisationIdentifier;
import org.commonweal.identity.OrganisationKind;
import org.commonweal.identity.Organisations;
import org.commonweal.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Qinghe, a fictional city with districts, departments, enterprises, social organisations and people. */
@Component
class DemoCity {

    record City(List<DistrictData> districts, List<OrganisationData> organisations, List<AccountData> accounts) {
    }

    record DistrictData(String code, String nameZh, String nameEn, Map<String, Object> boundary) {
    }

    record OrganisationData(OrganisationKind kind, String code, String nameZh, String nameEn, @Nullable String district) {
    }

    record AccountData(String username, String displayName, @Nullable String organisation, Set<Role> roles) {
    }

    private final Districts districts;
    private final Organisations organisations;
    private final Accounts accounts;
    private final JsonMapper json;
    private final IdentitySettings settings;

    DemoCity(Districts districts, Organisations organisations, Accounts accounts, JsonMapper json,
             IdentitySettings settings) {
        this.districts = districts;
        this.organisations = organisations;
        this.accounts = accounts;
        this.json = json;
        this.settings = settings;
    }

    /** Loads the city; the demo password is given to every demo account. */
    @Transactional
    void load(String password) {
        City city = read();
        city.districts().forEach(d -> districts.save(new District(d.code(), d.nameZh(), d.nameEn(),
                json.writeValueAsString(d.boundary()))));
        Map<String, UUID> organisationIds = new HashMap<>();
        for (OrganisationData o : city.organisations()) {
            var identifier = OrganisationIdentifier.of(settings.instance(), o.kind().memberClass(), o.code());
            UUID id = organisations.find(identifier)
                    .orElseGet(() -> organisations.register(identifier, o.kind(), o.nameZh(), o.nameEn(), o.district(),
                            Accounts.SYSTEM))
                    .id();
            organisationIds.put(o.code(), id);
        }
        for (AccountData a : city.accounts()) {
            if (accounts.findByUsername(a.username()).isEmpty()) {
                accounts.create(a.username(), a.displayName(), password,
                        a.organisation() == null ? null : organisationIds.get(a.organisation()),
                        EnumSet.copyOf(a.roles()), Accounts.SYSTEM);
            }
        }
    }

    List<AccountData> accountsToShow() {
        return read().accounts();
    }

    private City read() {
        try (InputStream in = new ClassPathResource("demo/city.json").getInputStream()) {
            return json.readValue(in, City.class);
        } catch (IOException e) {
            throw new IllegalStateException("The demo city data is missing from the application", e);
        }
    }
}
