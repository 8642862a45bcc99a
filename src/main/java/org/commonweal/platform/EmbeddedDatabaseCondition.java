package org.commonweal.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external PostgreSQL is configured, so the embedded default (and its demo city) applies. */
public class EmbeddedDatabaseCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isEmbedded(context.getEnvironment());
    }

    public static boolean isEmbedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }
}
