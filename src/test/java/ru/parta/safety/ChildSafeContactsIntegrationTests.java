package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

@IntegrationTest
class ChildSafeContactsIntegrationTests extends SafetyTestBase {

    @Test
    void pupilCanBeSentADirectMessageOnlyByTheirSchoolClassmatesAndOwnGuardians() {
        for (Api.Session allowed : List.of(
                d.teacher(),
                d.classTeacher(),
                d.director(),
                d.deputy(),
                d.schoolAdmin(),
                d.classmate(),
                d.guardian())) {
            var r = dm(allowed, d.pupil());
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        for (Api.Session refused : List.of(
                d.stranger(),
                d.otherGuardian(),
                d.sameSchoolPupil(),
                d.otherSchoolPupil(),
                d.otherDirector(),
                d.departmentStaff(),
                d.systemAdmin())) {
            var r = dm(refused, d.pupil());
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("CONTACT_NOT_ALLOWED");
            assertThat(r.json().get("message").asString()).isNotBlank();
        }
        for (Api.Session refused : List.of(d.stranger(), d.otherGuardian(), d.departmentStaff())) {
            assertThat(count(
                            "select count(*) from chats where direct_key = ?",
                            Math.min(refused.userId(), d.pupil().userId()) + ":"
                                    + Math.max(refused.userId(), d.pupil().userId())))
                    .isZero();
        }
    }

    @Test
    void aDirectChatCannotBeContinuedOnceTheContactIsNoLongerAllowed() {
        var leaving = fixture.person(d.schoolA(), "Уходящий", d.schoolA(), ru.parta.organizations.PersonRole.TEACHER);
        long chat = dm(leaving.session(), d.pupil()).json().get("id").asLong();
        assertThat(api.sendMessage(leaving.session(), chat, id(), "Здравствуй").status())
                .isEqualTo(201);
        people.roles(leaving.personId()).forEach(r -> people.endRole(r.id()));
        var r = api.sendMessage(leaving.session(), chat, id(), "Я больше не в школе");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("CONTACT_NOT_ALLOWED");
        assertThat(api.sendMessage(d.pupil(), chat, id(), "До свидания").code()).isEqualTo("CONTACT_NOT_ALLOWED");
    }

    @Test
    void pupilCannotOpenADirectChatWithAStrangerEither() {
        var r = dm(d.pupil(), d.stranger());
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("CONTACT_NOT_ALLOWED");
        assertThat(dm(d.pupil(), d.teacher()).status()).isEqualTo(200);
    }

    @Test
    void strangerCannotAddAPupilToANewOrExistingAdHocChatAndNothingChanges() {
        long before = count(
                "select count(*) from chats where created_by = ?", d.stranger().userId());
        var create = api.post(
                d.stranger(),
                "/api/v1/chats",
                Map.of(
                        "kind",
                        "GROUP",
                        "title",
                        "Приходите",
                        "members",
                        List.of(d.pupil().userId())));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("CONTACT_NOT_ALLOWED");
        assertThat(count(
                        "select count(*) from chats where created_by = ?",
                        d.stranger().userId()))
                .isEqualTo(before);

        long chat = api.group(d.stranger(), "Кружок", d.teacher());
        var add = api.post(
                d.stranger(),
                "/api/v1/chats/" + chat + "/members",
                Map.of("userIds", List.of(d.pupil().userId())));
        assertThat(add.status()).isEqualTo(403);
        assertThat(add.code()).isEqualTo("CONTACT_NOT_ALLOWED");
        assertThat(api.get(d.stranger(), "/api/v1/chats/" + chat + "/members").list())
                .hasSize(2);
    }

    @Test
    void schoolStaffMayAddPupilsToAdHocChats() {
        long chat = api.group(d.teacher(), "Олимпиада", d.pupil(), d.classmate(), d.sameSchoolPupil());
        var add = api.post(
                d.teacher(),
                "/api/v1/chats/" + chat + "/members",
                Map.of("userIds", List.of(d.guardian().userId())));
        assertThat(add.status()).as(add.body()).isEqualTo(200);
        assertThat(api.get(d.teacher(), "/api/v1/chats/" + chat + "/members").list())
                .hasSize(5);
    }

    @Test
    void pupilsAndGuardiansNeverSeeOtherPeoplesPhoneOrEmail() {
        long chat = api.group(d.teacher(), "Класс", d.pupil(), d.guardian());
        var stranger = api.newUser("Посторонний");
        for (Api.Session viewer : List.of(d.pupil(), d.guardian())) {
            for (Api.Session other : List.of(d.teacher(), d.guardian(), d.pupil())) {
                if (other == viewer) {
                    continue;
                }
                var r = api.get(viewer, "/api/v1/users/" + other.userId());
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().has("surname")).isTrue();
                assertThat(r.json().has("phone")).isFalse();
                assertThat(r.json().has("email")).isFalse();
                assertThat(r.json().has("login"))
                        .as("a login may be a phone number")
                        .isFalse();
            }
            assertThat(api.get(viewer, "/api/v1/users/" + stranger.userId()).code())
                    .as("nobody can walk user ids to list people they share no chat with")
                    .isEqualTo("USER_NOT_FOUND");
            var members = api.get(viewer, "/api/v1/chats/" + chat + "/members");
            assertThat(members.body()).doesNotContain("+79").doesNotContain("@example.org");
            assertThat(api.get(viewer, "/api/v1/units/" + d.schoolA() + "/people")
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(viewer, "/api/v1/units/" + d.classA5() + "/people")
                            .status())
                    .isEqualTo(404);
            assertThat(api.get(viewer, "/api/v1/me/children").body())
                    .doesNotContain("+79")
                    .doesNotContain("@example.org");
        }
        assertThat(api.get(d.pupil(), "/api/v1/me").json().has("phone")).isTrue();
    }

    @Test
    void guardiansListTheirChildrensChatTitlesButNeverMessages() {
        long chat = api.group(d.teacher(), "Экскурсия 5А", d.pupil());
        api.sendMessage(d.teacher(), chat, id(), "Секретное содержимое");
        dm(d.teacher(), d.pupil());

        var r = api.get(d.guardian(), "/api/v1/me/children");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.list()).hasSize(1);
        var child = r.list().getFirst();
        assertThat(child.get("surname").asString()).isEqualTo("Ученикова");
        assertThat(child.get("chats").toString()).contains("Экскурсия 5А").contains("Учителев");
        assertThat(r.body()).doesNotContain("Секретное содержимое");

        assertThat(api.get(d.otherGuardian(), "/api/v1/me/children").body()).doesNotContain("Экскурсия 5А");
        assertThat(api.get(d.stranger(), "/api/v1/me/children").list()).isEmpty();
    }
}
