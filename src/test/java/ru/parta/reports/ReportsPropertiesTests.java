package ru.parta.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportsPropertiesTests {

    @Test
    void acceptsSpringCronAndRefusesGarbage() {
        assertThat(new ReportsProperties("0 30 2 * * *", ZoneId.of("Europe/Moscow")).snapshotCron())
                .isEqualTo("0 30 2 * * *");
        assertThatThrownBy(() -> new ReportsProperties("every night", ZoneId.of("Europe/Moscow")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot-cron");
    }
}
