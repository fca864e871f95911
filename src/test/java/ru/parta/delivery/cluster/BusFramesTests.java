package ru.parta.delivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.parta.chats.ChatEvent;

class BusFramesTests {

    @Test
    void aDeliveryCarriesTheEventTheNodesRecipientsAndTheFrameUnchanged() {
        byte[] frame = "{\"type\":\"message.new\",\"text\":\"Привет\"}".getBytes(StandardCharsets.UTF_8);
        var event = new ChatEvent(42, 7, frame, new long[] {1, 2, 3, 4}, 123);

        var read = BusFrames.readDelivery(BusFrames.delivery(event, new long[] {2, 4}));

        assertThat(read.chatId()).isEqualTo(42);
        assertThat(read.position()).isEqualTo(7);
        assertThat(read.recipients()).containsExactly(2, 4);
        assertThat(read.frame()).isEqualTo(frame);
    }

    @Test
    void announcementsSayTheirKindNodeAndUsers() {
        var snapshot = BusFrames.readAnnouncement(BusFrames.snapshot("abc", true, 1, 3, new long[] {5, 6}));
        assertThat(snapshot.kind()).isEqualTo(BusFrames.SNAPSHOT);
        assertThat(snapshot.node()).isEqualTo("abc");
        assertThat(snapshot.wantsReplies()).isTrue();
        assertThat(snapshot.part()).isEqualTo(1);
        assertThat(snapshot.parts()).isEqualTo(3);
        assertThat(snapshot.users()).containsExactly(5, 6);

        var online = BusFrames.readAnnouncement(BusFrames.change(BusFrames.ONLINE, "abc", 9));
        assertThat(online.kind()).isEqualTo(BusFrames.ONLINE);
        assertThat(online.users()).containsExactly(9);

        var leaving = BusFrames.readAnnouncement(BusFrames.leaving("abc"));
        assertThat(leaving.kind()).isEqualTo(BusFrames.LEAVING);
        assertThat(leaving.node()).isEqualTo("abc");
    }

    @Test
    void aResyncRequestNamesItsUsersOrNoneForAll() {
        assertThat(BusFrames.readResync(BusFrames.resync(new long[] {3, 5}))).containsExactly(3, 5);
        assertThat(BusFrames.readResync(BusFrames.resync(new long[0]))).isEmpty();
    }
}
