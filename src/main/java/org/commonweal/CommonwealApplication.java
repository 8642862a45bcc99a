package org.commonweal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Commonweal: one deployable application made of business modules (see ARCHITECTURE.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommonwealApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommonwealApplication.class, args);
    }
}
