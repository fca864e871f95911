package ru.parta.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ru.parta.support.Api;
import ru.parta.support.IntegrationTest;

/**
 * The per-school storage quota: files of a school's generated chats, and of ad-hoc chats of people rostered in the
 * school, count against it. The school is filled up to just under its quota by a row written directly (50 GB of real
 * uploads would not fit a test), then real uploads are declared against it.
 */
@IntegrationTest
class SchoolQuotaIntegrationTests {

    private static final long MB = 1024 * 1024;
    private static final long QUOTA = 50L * 1024 * MB;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refusesUploadsOverTheSchoolQuotaInItsChatsAndForItsPeopleOnly() {
        var admin = api.newUser("Админ", true);
        long school = api.district(admin, "Школа квот " + System.nanoTime()).school();
        long otherSchool =
                api.district(admin, "Другая школа " + System.nanoTime()).school();
        long classUnit = api.post(admin, "/api/v1/units", Map.of("parentId", school, "kind", "CLASS", "name", "5А"))
                .json()
                .get("id")
                .asLong();
        var teacher = api.newUser("Учитель");
        var pupil = api.newUser("Ученик");
        var stranger = api.newUser("Посторонний");
        long classChat = api.group(teacher, "5А", pupil);
        jdbc.sql("update chats set generated_unit_id = ?, generated_kind = 'CLASS' where id = ?")
                .params(classUnit, classChat)
                .update();
        rostered(pupil.userId(), school);
        rostered(stranger.userId(), otherSchool);
        long adHoc = api.group(pupil, "Кружок");
        long strangers = api.group(stranger, "Чужой кружок");
        var client = new FileClient(api);

        long filler = jdbc.sql("""
                        insert into files (chat_id, uploader_id, school_id, file_name, size, expires_at)
                        values (?, ?, ?, 'filler.bin', ?, now() + interval '1 day') returning id
                        """)
                .params(classChat, admin.userId(), school, QUOTA - MB)
                .query(Long.class)
                .single();
        try {
            var over = client.start(teacher, classChat, "фото.jpg", 2 * MB);
            assertThat(over.status()).isEqualTo(413);
            assertThat(over.code()).isEqualTo("SCHOOL_QUOTA_EXCEEDED");
            assertThat(over.json().get("message").asString().replaceAll("\\D", ""))
                    .isEqualTo("51200");
            assertThat(client.start(pupil, adHoc, "доклад.pdf", 2 * MB).code()).isEqualTo("SCHOOL_QUOTA_EXCEEDED");
            // a refused upload reserved nothing: what still fits is accepted
            assertThat(client.start(teacher, classChat, "мало.jpg", MB / 2).status())
                    .isEqualTo(201);
            // people of another school, and ad-hoc chats of people nobody rostered, are not counted here
            assertThat(client.start(stranger, strangers, "своё.pdf", 2 * MB).status())
                    .isEqualTo(201);
            assertThat(client.start(teacher, api.group(teacher, "Личное"), "своё.pdf", 2 * MB)
                            .status())
                    .isEqualTo(201);
        } finally {
            jdbc.sql("delete from files where id = ?").param(filler).update();
        }
        assertThat(client.start(teacher, classChat, "фото.jpg", 2 * MB).status())
                .isEqualTo(201);
    }

    private void rostered(long userId, long school) {
        jdbc.sql("""
                        insert into people (home_unit_id, surname, name, name_key, user_id)
                        values (?, 'Тестов', 'Тест', ?, ?)
                        """).params(school, "тестов тест " + userId, userId).update();
    }
}
