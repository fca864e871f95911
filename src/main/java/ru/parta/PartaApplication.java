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
        SpringApplication.run(PartaApplication.class, DemoFlag.apply(args));
    }
}
