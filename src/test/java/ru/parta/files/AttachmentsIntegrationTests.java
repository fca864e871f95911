package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;
import ru.parta.support.StreamClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AttachmentsIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    FileRecords files;

    @Autowired
    Blobs blobs;

    @Autowired
    LocalBlobStore store;

    private Api.Response send(Api.Session s, long chat, String clientId, String text, List<Long> attachments) {
        return api.post(
                s,
                "/api/v1/chats/" + chat + "/messages",
                Map.of("clientId", clientId, "text", text, "attachments", attachments));
    }

    @Test
    void aMessageWithAttachmentsAppearsInHistoryAndInTheStream() {
        var a = api.newUser("Учитель");
        var b = api.newUser("Ученик");
        long chat = api.group(a, "Домашка", b);
        var client = new FileClient(api);
        var stream = StreamClient.connect(api.streamPort(b), b.token()).hello();
        await().until(stream::ready);

        long photo = client.uploaded(a, chat, "доска.jpg", TestFiles.jpegWithGps(400, 300, 1))
                .get("id")
                .asLong();
        long doc = client.uploaded(a, chat, "задание.bin", new byte[] {1, 2, 3})
                .get("id")
                .asLong();
        var sent = send(a, chat, "hw-1", "", List.of(photo, doc));
        assertThat(sent.status()).isEqualTo(201);
        assertThat(sent.json().get("text").asString()).isEmpty();
        assertThat(ids(sent.json().get("attachments"))).containsExactly(photo, doc);

        var history = api.get(b, "/api/v1/chats/" + chat + "/messages").list();
        JsonNode message = history.getLast();
        assertThat(ids(message.get("attachments"))).containsExactly(photo, doc);
        JsonNode first = message.get("attachments").get(0);
        assertThat(first.get("fileName").asString()).isEqualTo("доска.jpg");
        assertThat(first.get("contentType").asString()).isEqualTo("image/jpeg");
        assertThat(first.get("width").asInt()).isEqualTo(400);
        assertThat(first.get("thumbnail").asBoolean()).isTrue();
        assertThat(first.get("messageId").asLong()).isEqualTo(message.get("id").asLong());

        await().untilAsserted(() -> assertThat(stream.events("message.new"))
                .anySatisfy(e -> assertThat(ids(e.get("data").get("message").get("attachments")))
                        .containsExactly(photo, doc)));

        // an upload is attached once; someone else's upload, or one for another chat, is refused
        assertThat(send(a, chat, "hw-2", "again", List.of(photo)).code()).isEqualTo("ATTACHMENT_INVALID");
        long bs = client.uploaded(b, chat, "mine.bin", new byte[] {9}).get("id").asLong();
        assertThat(send(a, chat, "hw-3", "not mine", List.of(bs)).code()).isEqualTo("ATTACHMENT_INVALID");
        long other = api.group(a, "Другой чат");
        long elsewhere =
                client.uploaded(a, other, "there.bin", new byte[] {8}).get("id").asLong();
        assertThat(send(a, chat, "hw-4", "wrong chat", List.of(elsewhere)).code())
                .isEqualTo("ATTACHMENT_INVALID");
        // without attachments an empty text is still refused
        assertThat(send(a, chat, "hw-5", "", List.of()).code()).isEqualTo("MESSAGE_EMPTY");
        // a refused send attached nothing: the upload can still be used
        assertThat(send(b, chat, "hw-6", "", List.of(bs)).status()).isEqualTo(201);
        stream.abort();
    }

    @Test
    void deletingTheMessagesFreesTheSharedBlob() {
        var a = api.newUser("Удаляющий");
        long chat = api.group(a, "Удаления");
        var client = new FileClient(api);
        byte[] content = new byte[5000];
        new Random(7).nextBytes(content);
        content[0] = 0x42;

        long first = client.uploaded(a, chat, "one.bin", content).get("id").asLong();
        long second = client.uploaded(a, chat, "two.bin", content).get("id").asLong();
        String key = files.find(first).orElseThrow().blob();
        assertThat(files.find(second).orElseThrow().blob()).isEqualTo(key);
        assertThat(blobs.refs(key)).isEqualTo(2);
        assertThat(store.exists(key)).isTrue();

        long m1 =
                send(a, chat, "del-1", "first", List.of(first)).json().get("id").asLong();
        long m2 = send(a, chat, "del-2", "second", List.of(second))
                .json()
                .get("id")
                .asLong();

        var deleted = api.send(a, "DELETE", "/api/v1/chats/" + chat + "/messages/" + m1, null);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("attachments")).isEmpty();
        assertThat(client.get(a, "/api/v1/files/" + first).status()).isEqualTo(404);
        assertThat(client.get(a, "/api/v1/files/" + second).body()).isEqualTo(content);
        assertThat(blobs.refs(key)).isEqualTo(1);
        assertThat(store.exists(key)).isTrue();

        api.send(a, "DELETE", "/api/v1/chats/" + chat + "/messages/" + m2, null);
        await().untilAsserted(() -> {
            assertThat(blobs.refs(key)).isNull();
            assertThat(store.exists(key)).isFalse();
        });
        var history = api.get(a, "/api/v1/chats/" + chat + "/messages").list();
        assertThat(history).allSatisfy(m -> assertThat(m.get("attachments")).isEmpty());
    }

    @Test
    void editingAMessageWithAttachmentsMayEmptyItsTextButNotAMessageWithout() {
        var a = api.newUser("Правщик");
        long chat = api.group(a, "Правки");
        var client = new FileClient(api);
        long file = client.uploaded(a, chat, "табель.bin", new byte[] {4, 5, 6})
                .get("id")
                .asLong();
        long withFile = send(a, chat, "edit-1", "подпись", List.of(file))
                .json()
                .get("id")
                .asLong();
        long plain = send(a, chat, "edit-2", "просто текст", List.of())
                .json()
                .get("id")
                .asLong();

        var emptied = api.send(a, "PATCH", "/api/v1/chats/" + chat + "/messages/" + withFile, Map.of("text", "  "));
        assertThat(emptied.status()).as(emptied.body()).isEqualTo(200);
        assertThat(emptied.json().get("text").asString()).isEmpty();
        assertThat(ids(emptied.json().get("attachments"))).containsExactly(file);

        var refused = api.send(a, "PATCH", "/api/v1/chats/" + chat + "/messages/" + plain, Map.of("text", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("MESSAGE_EMPTY");
        assertThat(refused.json().get("message").asString()).isNotBlank();
        var history = api.get(a, "/api/v1/chats/" + chat + "/messages").list();
        assertThat(history.getLast().get("text").asString()).isEqualTo("просто текст");
        assertThat(history.getLast().has("editedAt")).isFalse();
    }

    @Test
    void aDeletedMessagesStoredEventsNoLongerListItsTextOrFiles() {
        var a = api.newUser("Стирающий");
        var b = api.newUser("Опоздавший");
        long chat = api.group(a, "Стирание", b);
        var client = new FileClient(api);
        long file = client.uploaded(a, chat, "секрет.bin", new byte[] {7, 7, 7})
                .get("id")
                .asLong();
        long message = send(a, chat, "wipe-1", "тайный текст", List.of(file))
                .json()
                .get("id")
                .asLong();
        api.post(a, "/api/v1/chats/" + chat + "/messages/" + message + "/reactions", Map.of("emoji", "👍"));
        assertThat(api.send(a, "DELETE", "/api/v1/chats/" + chat + "/messages/" + message, null)
                        .status())
                .isEqualTo(200);

        // a client catching up from the start of the chat replays every event, none of them with the file
        var stream = StreamClient.connect(api.streamPort(b), b.token()).hello(Map.of(chat, 0L));
        await().untilAsserted(() -> assertThat(stream.events("message.deleted")).isNotEmpty());
        for (String type : List.of("message.new", "reaction.added", "message.deleted")) {
            assertThat(stream.events(type)).allSatisfy(e -> {
                JsonNode m = e.get("data").get("message");
                assertThat(m.get("deleted").asBoolean()).isTrue();
                assertThat(m.get("attachments")).isEmpty();
                assertThat(m.has("text")).isFalse();
            });
        }
        assertThat(stream.events("message.new")).hasSize(1);
        assertThat(stream.frames().toString()).doesNotContain("секрет.bin", "тайный текст");
        stream.abort();
    }

    private static List<Long> ids(JsonNode attachments) {
        List<Long> ids = new java.util.ArrayList<>();
        attachments.forEach(a -> ids.add(a.get("id").asLong()));
        return ids;
    }
}
