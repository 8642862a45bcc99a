package org.commonweal.exchange.internal;

import java.util.Map;
import java.util.Optional;

/** What the exchange needs to know about a catalogue resource; the catalogue answers it. */
public interface ResourceDirectory {

    Optional<SharedResource> find(String resourceCode);

    /**
     * @param providerMember member code of the department that provides the resource
     * @param offeredThroughGateway shared (unconditionally or on conditions) and not core data
     * @param personalItems per data item key: whether it is personal data
     */
    record SharedResource(String code, String providerMember, boolean offeredThroughGateway,
                          Map<String, Boolean> personalItems) {

        public SharedResource {
            personalItems = Map.copyOf(personalItems);
        }

        public boolean hasItem(String key) {
            return personalItems.containsKey(key);
        }

        public boolean hasPersonalItems() {
            return personalItems.containsValue(true);
        }
    }
}
