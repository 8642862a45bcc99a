package org.commonweal.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port over real HTTP, with a real PostgreSQL (embedded, or the
 * external server CI names in {@code SPRING_DATASOURCE_URL}) holding the demo city.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
public @interface CommonwealIntegrationTest {

    String ADMIN = "admin";
    String ADMIN_PASSWORD = "admin-password-2026";
    String DEMO_PASSWORD = "demo-password-2026";
}
