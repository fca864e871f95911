package ru.parta.reports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of coverage reports. The application refuses to start with an invalid cron expression or time zone.
 *
 * @param snapshotCron when the nightly snapshot of every unit runs (Spring cron, six fields)
 * @param zone the time zone of the cron and of the snapshot's day
 */
@Validated
@ConfigurationProperties("parta.reports")
public record ReportsProperties(
        @DefaultValue("0 30 2 * * *") @NotBlank String snapshotCron,
        @DefaultValue("Europe/Moscow") @NotNull ZoneId zone) {

    public ReportsProperties {
        if (snapshotCron != null && !CronExpression.isValidExpression(snapshotCron)) {
            throw new IllegalArgumentException(
                    "parta.reports.snapshot-cron is not a valid cron expression: " + snapshotCron);
        }
    }
}
