package ru.parta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenModelScheduleTests {

    @Test
    void sendsAreEvenlySpacedFromTheStart() {
        var s = new OpenModelSchedule(1_000, 100, 1_000_000_000L);
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.scheduledAt(0)).isEqualTo(1_000);
        assertThat(s.scheduledAt(1)).isEqualTo(1_000 + 10_000_000);
        assertThat(s.scheduledAt(99)).isEqualTo(1_000 + 990_000_000);
    }

    @Test
    void fractionalRatesDoNotDrift() {
        var s = new OpenModelSchedule(0, 3, 10_000_000_000L);
        assertThat(s.count()).isEqualTo(30);
        assertThat(s.scheduledAt(3)).isEqualTo(1_000_000_000L);
        assertThat(s.scheduledAt(29)).isEqualTo(9_666_666_667L);
    }

    @Test
    void dueCountIgnoresResponsesAndCatchesUpAfterAStall() {
        var s = new OpenModelSchedule(0, 1000, 1_000_000_000L);
        assertThat(s.dueBy(-1)).isZero();
        assertThat(s.dueBy(0)).isEqualTo(1);
        assertThat(s.dueBy(999_999)).isEqualTo(1);
        assertThat(s.dueBy(1_000_000)).isEqualTo(2);
        // the scheduler was stalled for 250 ms: every send due in the meantime is due now, none skipped
        assertThat(s.dueBy(250_000_000)).isEqualTo(251);
        assertThat(s.dueBy(5_000_000_000L)).isEqualTo(1000);
    }

    @Test
    void everyDueSendIsScheduledNoLaterThanNow() {
        var s = new OpenModelSchedule(17, 333.3, 2_000_000_000L);
        for (long now = 0; now < 2_100_000_000L; now += 1_234_567) {
            long due = s.dueBy(now);
            if (due > 0) {
                assertThat(s.scheduledAt(due - 1)).isLessThanOrEqualTo(now);
            }
            if (due < s.count()) {
                assertThat(s.scheduledAt(due)).isGreaterThan(now);
            }
        }
    }
}
