package org.commonweal;

import java.util.Arrays;

import org.commonweal.ledger.verifier.LedgerVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Commonweal: one deployable application made of business modules (see ARCHITECTURE.md). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommonwealApplication {

    /** Starts the platform, or with {@code ledger verify ...} runs the ledger verifier against a running one. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("ledger")) {
            System.exit(LedgerVerifyCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(CommonwealApplication.class, args);
    }
}
