package ru.parta.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/** Invented rosters for the demo district, in the column layout Russian school systems export. */
final class DemoRosters {

    private static final List<String> MALE_SURNAMES = List.of(
            "Иванов",
            "Петров",
            "Алиев",
            "Магомедов",
            "Соколов",
            "Кузнецов",
            "Омаров",
            "Гаджиев",
            "Морозов",
            "Волков",
            "Лебедев",
            "Козлов",
            "Новиков",
            "Рамазанов",
            "Хасанов",
            "Сулейманов",
            "Абдуллаев",
            "Шамилов");
    private static final List<String> MALE_NAMES = List.of(
            "Александр",
            "Магомед",
            "Руслан",
            "Тимур",
            "Кирилл",
            "Дмитрий",
            "Ислам",
            "Шамиль",
            "Артём",
            "Мурад",
            "Камиль",
            "Алексей",
            "Саид",
            "Иван");
    private static final List<String> FEMALE_NAMES = List.of(
            "Мадина",
            "Софья",
            "Патимат",
            "Анастасия",
            "Милана",
            "Марьям",
            "Полина",
            "Айшат",
            "Хадижат",
            "Ольга",
            "Зарина",
            "Алина",
            "Виктория",
            "Амина");
    private static final List<String> FATHERS = List.of(
            "Магомед", "Ахмед", "Руслан", "Саид", "Ислам", "Дмитрий", "Мурад", "Тимур", "Алексей", "Иван", "Шамиль");
    private static final List<String> SUBJECTS = List.of(
            "Математика",
            "Русский язык",
            "Литература",
            "История",
            "Биология",
            "Физика",
            "Химия",
            "Английский язык",
            "Физкультура",
            "Родной язык",
            "География",
            "Информатика");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private DemoRosters() {}

    /** A school with the given classes, about {@code pupilsPerClass} pupils each, their guardians and the staff. */
    static String school(long seed, List<String> classes, int pupilsPerClass, LocalDate today) {
        Random r = new Random(seed);
        StringBuilder csv =
                new StringBuilder("Класс,Фамилия,Имя,Отчество,Роль,Дата рождения,Телефон,Email,Предметы,Ребёнок\n");
        row(csv, "", person(r), "Директор", "", phone(r), "", "");
        row(csv, "", person(r), "Заместитель директора", "", phone(r), "", "");
        for (int t = 0; t < 4; t++) {
            row(csv, "", person(r), "Учитель", "", phone(r), "\"" + subject(r) + ", " + subject(r) + "\"", "");
        }
        for (String c : classes) {
            int grade = Integer.parseInt(c.replaceAll("\\D", ""));
            row(csv, c, person(r), "Классный руководитель", "", phone(r), subject(r), "");
            for (int p = 0; p < pupilsPerClass; p++) {
                boolean male = r.nextBoolean();
                String surname = pick(r, MALE_SURNAMES);
                String father = pick(r, FATHERS);
                String child = (male ? surname : surname + "а") + "," + pick(r, male ? MALE_NAMES : FEMALE_NAMES) + ","
                        + father + (male ? "ович" : "овна");
                LocalDate birth = today.minusYears(6 + grade).minusDays(r.nextInt(365));
                row(csv, c, child, "Ученик", birth.format(DATE), "", "", "");
                String childName = child.replace(',', ' ');
                row(
                        csv,
                        c,
                        surname + "а," + pick(r, FEMALE_NAMES) + "," + pick(r, FATHERS) + "овна",
                        "Родитель",
                        "",
                        phone(r),
                        "",
                        childName);
                if (r.nextInt(3) == 0) {
                    row(
                            csv,
                            c,
                            surname + "," + father + "," + pick(r, FATHERS) + "ович",
                            "Родитель",
                            "",
                            phone(r),
                            "",
                            childName);
                }
            }
        }
        return csv.toString();
    }

    private static void row(
            StringBuilder csv,
            String c,
            String fio,
            String role,
            String birth,
            String phone,
            String subjects,
            String child) {
        csv.append(String.join(",", c, fio, role, birth, phone, "", subjects, child))
                .append('\n');
    }

    private static String person(Random r) {
        boolean male = r.nextBoolean();
        String surname = pick(r, MALE_SURNAMES);
        return (male ? surname : surname + "а") + "," + pick(r, male ? MALE_NAMES : FEMALE_NAMES) + ","
                + pick(r, FATHERS) + (male ? "ович" : "овна");
    }

    private static String subject(Random r) {
        return pick(r, SUBJECTS);
    }

    private static String phone(Random r) {
        return String.format(
                "+7 9%02d %03d-%02d-%02d", r.nextInt(100), r.nextInt(1000), r.nextInt(100), r.nextInt(100));
    }

    private static String pick(Random r, List<String> list) {
        return list.get(r.nextInt(list.size()));
    }
}
