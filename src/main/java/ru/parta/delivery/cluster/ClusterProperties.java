package ru.parta.delivery.cluster;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Cluster mode: several stateless nodes on one PostgreSQL, with NATS as the bus that carries pushes between them.
 *
 * @param enabled off by default: a single node fans out in process
 * @param natsUrl one or more comma-separated NATS server URLs
 * @param subjectPrefix prefix of the subjects Parta uses, so several installations can share a NATS
 * @param connectTimeout how long a node waits for NATS at start before carrying on without it (it keeps trying)
 * @param directoryInterval how often each node announces its full list of connected users; a node silent for three
 *     intervals (killed) is forgotten by the others
 */
@Validated
@ConfigurationProperties("parta.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("nats://127.0.0.1:4222") @NotBlank String natsUrl,
        @DefaultValue("parta") @NotBlank String subjectPrefix,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration directoryInterval) {}
