package ru.parta.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTests {

    @Test
    void everyRecipientOnceIsOk() {
        var ledger = new DeliveryLedger(3);
        ledger.sent(0, new int[] {0, 1, 2}, true);
        ledger.sent(1, new int[] {0, 1}, true);
        for (int c = 0; c < 3; c++) {
            ledger.receipts(c).record(0);
        }
        ledger.receipts(0).record(1);
        ledger.receipts(1).record(1);
        var v = ledger.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.checked()).isEqualTo(5);
        assertThat(v.summary()).startsWith("exactly-once: OK");
        assertThat(ledger.outstanding()).isZero();
    }

    @Test
    void detectsAMissingDelivery() {
        var ledger = new DeliveryLedger(2);
        ledger.sent(0, new int[] {0, 1}, true);
        ledger.receipts(0).record(0);
        assertThat(ledger.outstanding()).isEqualTo(1);
        var v = ledger.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.missing()).isEqualTo(1);
        assertThat(v.duplicated()).isZero();
        assertThat(v.examples()).containsExactly("connection 1 never got message #0");
    }

    @Test
    void detectsADuplicatedDelivery() {
        var ledger = new DeliveryLedger(2);
        ledger.sent(7, new int[] {0, 1}, true);
        ledger.receipts(0).record(7);
        ledger.receipts(1).record(7);
        assertThat(ledger.receipts(1).record(7)).isFalse();
        var v = ledger.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.duplicated()).isEqualTo(1);
        assertThat(v.missing()).isZero();
        assertThat(v.summary()).contains("VIOLATED").contains("connection 1 got message #7 twice");
    }

    @Test
    void detectsADeliveryToANonMember() {
        var ledger = new DeliveryLedger(3);
        ledger.sent(0, new int[] {0, 1}, true);
        ledger.receipts(0).record(0);
        ledger.receipts(1).record(0);
        ledger.receipts(2).record(0);
        var v = ledger.verify();
        assertThat(v.unexpected()).isEqualTo(1);
        assertThat(v.ok()).isFalse();
    }

    @Test
    void aFailedSendMayBeMissingButNeverDuplicated() {
        var ledger = new DeliveryLedger(2);
        ledger.sent(0, new int[] {0, 1}, false);
        ledger.receipts(0).record(0);
        assertThat(ledger.verify().ok()).isTrue();
        ledger.receipts(0).record(0);
        assertThat(ledger.verify().duplicated()).isEqualTo(1);
    }
}
