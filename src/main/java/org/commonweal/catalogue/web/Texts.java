package org.commonweal.catalogue.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Messages in the reader's language, for errors the controllers put into forms. */
record Texts(MessageSource messages, Locale locale) {

    String t(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }
}
