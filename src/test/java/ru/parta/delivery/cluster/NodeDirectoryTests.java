package ru.parta.delivery.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NodeDirectoryTests {

    private final NodeDirectory directory = new NodeDirectory();

    @Test
    void groupsRecipientsByTheNodesHoldingThemAndSkipsUsersConnectedNowhere() {
        directory.snapshot("b", 0, 1, new long[] {1, 2, 3}, 0);
        directory.snapshot("c", 0, 1, new long[] {3, 4}, 0);

        Map<String, long[]> routes = directory.group(new long[] {1, 2, 3, 4, 5});

        assertThat(routes).containsOnlyKeys("b", "c");
        assertThat(routes.get("b")).containsExactly(1, 2, 3);
        assertThat(routes.get("c")).as("a user on two nodes goes to both").containsExactly(3, 4);
    }

    @Test
    void aSnapshotReplacesWhatWasKnownAndSaysWhetherTheNodeAndWhichUsersAreNew() {
        var first = directory.snapshot("b", 0, 1, new long[] {1, 2}, 0);
        assertThat(first.newNode()).isTrue();
        var second = directory.snapshot("b", 0, 1, new long[] {2, 3}, 1);
        assertThat(second.newNode()).isFalse();
        assertThat(second.added()).as("users the node was not known to hold").containsExactly(3);

        assertThat(directory.group(new long[] {1, 2, 3}).get("b")).containsExactly(2, 3);
    }

    @Test
    void changesApplyToKnownNodesOnlyUntilTheirSnapshotArrives() {
        directory.online("b", 7, 0);
        assertThat(directory.group(new long[] {7})).isEmpty();

        directory.snapshot("b", 0, 1, new long[] {1}, 0);
        directory.online("b", 7, 1);
        directory.offline("b", 1, 1);
        assertThat(directory.group(new long[] {1, 7}).get("b")).containsExactly(7);
    }

    @Test
    void aSnapshotInPartsTakesEffectWithItsLastPart() {
        directory.snapshot("b", 0, 1, new long[] {99}, 0);
        directory.snapshot("b", 0, 3, new long[] {1, 2}, 1);
        directory.snapshot("b", 1, 3, new long[] {3}, 1);
        assertThat(directory.group(new long[] {1, 99}).get("b"))
                .as("the old list holds until the new one is whole")
                .containsExactly(99);
        directory.snapshot("b", 2, 3, new long[] {4}, 1);
        assertThat(directory.group(LongStream.rangeClosed(1, 99).toArray()).get("b"))
                .containsExactly(1, 2, 3, 4);
    }

    @Test
    void forgetsANodeThatLeftOrFellSilent() {
        directory.snapshot("b", 0, 1, new long[] {1}, 0);
        directory.snapshot("c", 0, 1, new long[] {1, 2}, 0);
        directory.online("c", 3, 50);

        assertThat(directory.expire(100, 60)).containsExactly("b");
        directory.forget("c");

        assertThat(directory.nodes()).isEmpty();
        assertThat(directory.group(new long[] {1, 2, 3})).isEmpty();
    }
}
