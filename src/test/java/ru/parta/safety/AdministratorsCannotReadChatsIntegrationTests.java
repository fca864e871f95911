package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/** Guarantee 3: administrators do not read chats they are not members of. */
@IntegrationTest
class AdministratorsCannotReadChatsIntegrationTests extends SafetyTestBase {

    @Test
    void systemAdminDepartmentStaffAndDirectorCannotReadMessagesMembersOrSearchResultsOfOtherChats() {
        long chat = api.group(d.teacher(), "Закрытый кружок", d.pupil());
        api.sendMessage(d.teacher(), chat, id(), "Секретная олимпиадная задача");
        String c = "/api/v1/chats/" + chat;
        for (Api.Session admin : List.of(d.systemAdmin(), d.departmentStaff(), d.director())) {
            for (String path : List.of(
                    c, c + "/messages", c + "/members", c + "/pinned", "/api/v1/search?q=олимпиадная&chatId=" + chat)) {
                var r = api.get(admin, path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.code()).isEqualTo("CHAT_NOT_FOUND");
            }
            var search = api.get(admin, "/api/v1/search?q=олимпиадная");
            assertThat(search.status()).isEqualTo(200);
            assertThat(search.list()).isEmpty();
            assertThat(api.get(admin, "/api/v1/chats").body()).doesNotContain("Закрытый кружок");
            var sync = api.post(admin, "/api/v1/sync", Map.of("cursors", Map.of(String.valueOf(chat), 0)));
            assertThat(sync.body()).doesNotContain("Секретная");
            assertThat(api.post(admin, c + "/messages", Map.of("clientId", id(), "text", "x"))
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(admin, "/api/v1/moderation/reports?all=true").body())
                    .doesNotContain("Секретная");
        }
        assertThat(api.get(d.pupil(), "/api/v1/search?q=олимпиадная").list()).hasSize(1);
    }
}
