package ru.parta;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Parta: a self-hosted school communication server. One jar, one process, PostgreSQL as the source of truth. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PartaApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench")) {
            ru.parta.bench.Bench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(PartaApplication.class, DemoFlag.apply(args));
    }
}
