package ru.parta.database;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the embedded PostgreSQL server used when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir folder that keeps the cluster (and the binaries, unless binariesDir is set); survives restarts
 * @param binariesDir folder for the unpacked PostgreSQL binaries; empty means inside dataDir
 * @param port TCP port on 127.0.0.1; 0 picks a free one at every start
 * @param database name of the database Parta uses inside the cluster
 * @param startTimeout how long to wait for the server to accept connections
 */
@Validated
@ConfigurationProperties("parta.database.embedded")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data") @NotBlank String dataDir,
        @DefaultValue("") String binariesDir,
        @DefaultValue("0") @Min(0) @Max(65535) int port,
        @DefaultValue("parta") @NotBlank String database,
        @DefaultValue("60s") Duration startTimeout) {}
