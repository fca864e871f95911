package ru.parta.safety;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import ru.parta.support.Api;

/**
 * The resources one role's requests of the authorisation matrix act on, so that what one role is allowed to do (remove
 * a member, delete a message, erase an account, revoke a session) never changes what the next role sees: a group chat
 * owned by the fixture's teacher with the pupil, the guardian and a classmate (the "victim" of member actions), a
 * message of the teacher with an attached picture, a report of the pupil on it, an unfinished upload of the teacher,
 * a pending join request, an account to erase and a second session of the role's own account.
 */
record MatrixWorld(
        long chatId,
        long messageId,
        long victimUserId,
        long fileId,
        long uploadId,
        long reportId,
        long joinRequestId,
        long eraseTargetId,
        long extraSessionId) {

    static MatrixWorld build(
            Api api, RawHttp raw, SchoolFixture fixture, SchoolFixture.District d, String linkToken, Api.Session self) {
        long chat = api.group(d.teacher(), "Матрица", d.pupil(), d.guardian(), d.classmate());
        long file = upload(api, raw, d.teacher(), chat, true);
        var sent = api.post(
                d.teacher(),
                "/api/v1/chats/" + chat + "/messages",
                Map.of("clientId", SafetyTestBase.id(), "text", "Урок", "attachments", List.of(file)));
        check(sent, 201);
        long message = sent.json().get("id").asLong();
        var report = api.post(
                d.pupil(), "/api/v1/chats/" + chat + "/messages/" + message + "/report", Map.of("reason", "проверка"));
        check(report, 201);
        long upload = upload(api, raw, d.teacher(), chat, false);
        var joiner = fixture.account("Вступающий");
        var join = api.post(joiner, "/api/v1/join/" + linkToken, Map.of());
        check(join, 200);
        var target = fixture.account("Стираемый");
        long extraSession = 0;
        if (self != null) {
            var second = api.login(self.login(), self.userId());
            extraSession = api.get(second, "/api/v1/me/sessions").list().stream()
                    .filter(s -> s.get("current").asBoolean())
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asLong();
        }
        return new MatrixWorld(
                chat,
                message,
                d.classmate().userId(),
                file,
                upload,
                report.json().get("id").asLong(),
                join.json().get("id").asLong(),
                target.userId(),
                extraSession);
    }

    /** Declares an upload of a small PNG for the chat; sends its bytes when {@code finish}. */
    private static long upload(Api api, RawHttp raw, Api.Session owner, long chat, boolean finish) {
        byte[] png = png();
        var declared =
                api.post(owner, "/api/v1/uploads", Map.of("chatId", chat, "fileName", "доска.png", "size", png.length));
        check(declared, 201);
        long id = declared.json().get("id").asLong();
        if (finish) {
            var chunk = raw.send(
                    "PUT",
                    "/api/v1/uploads/" + id,
                    owner.token(),
                    "application/octet-stream",
                    png,
                    "Upload-Offset",
                    "0");
            if (chunk.status() != 200) {
                throw new IllegalStateException(chunk.body());
            }
        }
        return id;
    }

    private static byte[] png() {
        try {
            var image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Api.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException(r.status() + " " + r.body());
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
