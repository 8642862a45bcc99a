package org.commonweal.requests.open311;

import java.util.List;

/**
 * A list in an Open311 response. JSON writes it as an array; XML wraps it in the element named
 * where the list stands and writes each entry as an {@code itemName} element
 * ({@code <services><service>…}, {@code <values><value>…}).
 *
 * @param items {@link Fields} or plain values
 */
record Items(String itemName, List<?> items) {

    Items {
        items = List.copyOf(items);
    }
}
