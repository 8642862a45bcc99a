package org.commonweal.privacy.internal;

import java.util.Map;

import org.commonweal.identity.Accounts;
import org.commonweal.identity.DemoCityLoaded;
import org.commonweal.privacy.DataUseTracker;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Links the demo citizens to resident ID numbers, so "who used my data" works for them at once.
 * The numbers are INVENTED for the demo (valid in form only: GB 11643 check digit) and belong to no one;
 * departments' demo calls name them in X-Road-UserId.
 */
@Component
class DemoSubjects {

    /** Invented, not real people: citizen.liu → 110105198503142035, citizen.zhao → 110108199207071520. */
    static final Map<String, String> INVENTED_ID_NUMBERS = Map.of(
            "citizen.liu", "110105198503142035",
            "citizen.zhao", "110108199207071520");

    private final Accounts accounts;
    private final DataUseTracker tracker;

    DemoSubjects(Accounts accounts, DataUseTracker tracker) {
        this.accounts = accounts;
        this.tracker = tracker;
    }

    @ApplicationModuleListener
    void on(DemoCityLoaded loaded) {
        INVENTED_ID_NUMBERS.forEach((username, number) -> accounts.findByUsername(username)
                .ifPresent(account -> tracker.link(account.id(), number)));
    }
}
