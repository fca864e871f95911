package ru.parta.demo;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import ru.parta.accounts.Accounts;
import ru.parta.accounts.NewUser;
import ru.parta.accounts.UserProfile;
import ru.parta.chats.ChatKind;
import ru.parta.chats.ChatService;
import ru.parta.chats.MessageService;

/**
 * Demo mode ({@code --demo} or {@code PARTA_DEMO=true}): on the first start against an empty database, seeds a small
 * school with a few people and chats and logs their logins. Does nothing when any account exists, so it never touches
 * real data.
 */
@Component
@ConditionalOnBooleanProperty("parta.demo.enabled")
class DemoSeeder implements ApplicationRunner {

    static final String PASSWORD = "parta-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Accounts accounts;
    private final ChatService chats;
    private final MessageService messages;

    DemoSeeder(Accounts accounts, ChatService chats, MessageService messages) {
        this.accounts = accounts;
        this.chats = chats;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUsers()) {
            log.info("Demo mode: accounts exist already, nothing seeded. Demo logins use the password '{}'", PASSWORD);
            return;
        }
        UserProfile admin = user("admin", "Администратор", "Системы", null, true);
        UserProfile director = user("director", "Омаров", "Хасан", "Набиевич", false);
        UserProfile teacher = user("teacher", "Морозов", "Руслан", "Саидович", false);
        UserProfile pupil1 = user("pupil1", "Алиев", "Тимур", "Русланович", false);
        UserProfile pupil2 = user("pupil2", "Иванова", "Софья", "Дмитриевна", false);
        UserProfile parent = user("parent1", "Алиева", "Мадина", "Ахмедовна", false);

        var classChat = chats.create(teacher.id(), ChatKind.GROUP, "5А — класс", List.of(pupil1.id(), pupil2.id()));
        var parents = chats.create(teacher.id(), ChatKind.GROUP, "5А — родители", List.of(parent.id()));
        var staff = chats.create(director.id(), ChatKind.GROUP, "Учительская", List.of(teacher.id()));
        var news = chats.create(
                director.id(),
                ChatKind.CHANNEL,
                "Объявления школы",
                List.of(teacher.id(), pupil1.id(), pupil2.id(), parent.id(), admin.id()));
        send(teacher, classChat.id(), "Здравствуйте, 5А! Домашнее задание: §12, упражнения 1–3.");
        send(pupil1, classChat.id(), "Спасибо, Руслан Саидович! 👍");
        send(teacher, parents.id(), "Уважаемые родители, собрание в четверг в 18:00.");
        send(director, staff.id(), "Коллеги, педсовет в пятницу.");
        send(director, news.id(), "Добро пожаловать в Парту — школьный мессенджер нашей школы.");
        chats.direct(parent.id(), teacher.id());

        log.info(
                "Demo school seeded. Sign in at http://localhost:8080 with any of: admin, director, teacher, pupil1,"
                        + " pupil2, parent1 — password '{}'",
                PASSWORD);
    }

    private UserProfile user(String login, String surname, String name, String patronymic, boolean admin) {
        return accounts.createTrusted(new NewUser(login, surname, name, patronymic, null, null, PASSWORD, admin));
    }

    private void send(UserProfile from, long chatId, String text) {
        messages.send(from.id(), chatId, UUID.randomUUID().toString(), text, null, List.of());
    }
}
