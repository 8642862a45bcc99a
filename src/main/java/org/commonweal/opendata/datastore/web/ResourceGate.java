package org.commonweal.opendata.datastore.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.commonweal.opendata.datastore.ResourceAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Asks the open data portal's {@link ResourceAccess} whether a resource may be read. With no
 * implementation (or more than one, which is a mistake) nothing may be read: every resource is
 * answered as not found rather than opened by default.
 */
@Component
class ResourceGate {

    private final ObjectProvider<ResourceAccess> access;

    ResourceGate(ObjectProvider<ResourceAccess> access) {
        this.access = access;
    }

    boolean mayRead(UUID resourceId, HttpServletRequest request) {
        ResourceAccess decider = access.getIfUnique();
        return decider != null && decider.mayRead(resourceId, request);
    }
}
