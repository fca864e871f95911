package ru.parta.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as other modules and other users see it. Contact fields are only filled for the account's owner;
 * everyone else gets the name and login alone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserProfile(
        long id,
        String login,
        String surname,
        String name,
        String patronymic,
        String phone,
        String email,
        boolean systemAdmin) {

    public String displayName() {
        return surname + " " + name;
    }

    /** This profile without phone and e-mail, for showing to anyone but its owner. */
    public UserProfile withoutContacts() {
        return new UserProfile(id, login, surname, name, patronymic, null, null, systemAdmin);
    }
}
