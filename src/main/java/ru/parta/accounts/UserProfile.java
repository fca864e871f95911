package ru.parta.accounts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as other modules and other users see it. Login and contact fields are only filled for the account's
 * owner (a login may be a phone number or an e-mail); everyone else gets the name alone.
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

    /** This profile without login, phone and e-mail, for showing to anyone but its owner. */
    public UserProfile withoutContacts() {
        return new UserProfile(id, null, surname, name, patronymic, null, null, systemAdmin);
    }
}
