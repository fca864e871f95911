package ru.parta.organizations;

import java.time.LocalDate;

/** A rostered person of a school or department, with the account they activated, if any. */
public record Person(
        long id,
        long homeUnitId,
        String surname,
        String name,
        String patronymic,
        LocalDate birthDate,
        String phone,
        String email,
        Long userId,
        boolean archived) {

    public String fullName() {
        return patronymic == null || patronymic.isBlank()
                ? surname + " " + name
                : surname + " " + name + " " + patronymic;
    }
}
