package ru.parta.safety;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import ru.parta.organizations.People;
import ru.parta.organizations.PersonRole;
import ru.parta.support.Api;

/**
 * What the fuzzer's path variables point at: resources of school A that its roles use (a chat owned by the teacher
 * with the pupil, the guardian and a classmate, a message, a report, an unfinished upload, a class link) and resources
 * of school B that no role of school A may see (a chat of B's director, its message, B's units and a person of B).
 */
record FuzzTargets(
        long chat,
        long message,
        long report,
        long upload,
        String linkToken,
        long foreignChat,
        long foreignMessage,
        long foreignPerson) {

    static FuzzTargets build(Api api, RawHttp raw, SchoolFixture fixture, SchoolFixture.District d, People people) {
        long chat = api.group(d.teacher(), "Фузз", d.pupil(), d.guardian(), d.classmate());
        long message = api.sendMessage(d.teacher(), chat, UUID.randomUUID().toString(), "Урок")
                .json()
                .get("id")
                .asLong();
        long report = api.post(
                        d.pupil(),
                        "/api/v1/chats/" + chat + "/messages/" + message + "/report",
                        Map.of("reason", "проверка"))
                .json()
                .get("id")
                .asLong();
        long upload = api.post(
                        d.teacher(), "/api/v1/uploads", Map.of("chatId", chat, "fileName", "a.pdf", "size", 1000))
                .json()
                .get("id")
                .asLong();
        String token = api.post(d.classTeacher(), "/api/v1/units/" + d.classA5() + "/links", Map.of("role", "GUARDIAN"))
                .json()
                .get("token")
                .asString();
        long foreignChat = api.group(d.otherDirector(), "Чужой", d.otherSchoolPupil());
        long foreignMessage = api.sendMessage(
                        d.otherDirector(), foreignChat, UUID.randomUUID().toString(), "Чужое")
                .json()
                .get("id")
                .asLong();
        long foreignPerson =
                people.insert(d.schoolB(), "Чужой", "Имя", null, "чужой" + UUID.randomUUID(), null, null, null);
        people.addRole(foreignPerson, d.classB5(), PersonRole.PUPIL, List.of(), true);
        return new FuzzTargets(chat, message, report, upload, token, foreignChat, foreignMessage, foreignPerson);
    }
}
