package org.commonweal.platform.web;

/**
 * A way into a module's pages, listed on the home page under its pillar. Modules declare a bean
 * for each page that exists; pages not built yet are simply absent.
 *
 * @param pillar the pillar the page serves
 * @param titleKey message key of the link text
 * @param descriptionKey message key of one sentence saying what the page offers
 * @param href the page's path
 */
public record HomeLink(Pillar pillar, String titleKey, String descriptionKey, String href) {

    /** The four dimensions of social quality that Commonweal is built around. */
    public enum Pillar {
        SECURITY, COHESION, TRUST, EMPOWERMENT
    }
}
