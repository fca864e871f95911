package ru.parta.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What an administrator supplies to create an account. A child needs neither phone nor e-mail.
 *
 * @param login username (letters, digits, dot, dash, underscore), or leave it to the phone or e-mail
 */
public record NewUser(
        @Size(max = 64) String login,
        @NotBlank @Size(max = 100) String surname,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 100) String patronymic,
        @Size(max = 32) String phone,
        @Size(max = 254) String email,
        @NotBlank @Size(min = 8, max = 128) String password,
        Boolean systemAdmin) {

    NewUser normalised() {
        String normalPhone = phone == null || phone.isBlank()
                ? null
                : Logins.normalisePhone(phone).orElseThrow(() -> Logins.invalid("INVALID_PHONE"));
        String normalEmail = email == null || email.isBlank() ? null : Logins.checkEmail(email.strip());
        String normalLogin = login == null || login.isBlank() ? null : Logins.checkUsername(login.strip());
        if (normalLogin == null) {
            normalLogin = normalEmail != null ? normalEmail : normalPhone;
        }
        if (normalLogin == null) {
            throw Logins.invalid("LOGIN_REQUIRED");
        }
        if (password == null
                || password.length() < 8
                || password.length() > 128
                || password.equalsIgnoreCase(normalLogin)
                || password.chars().distinct().count() == 1) {
            throw Logins.invalid("WEAK_PASSWORD");
        }
        return new NewUser(
                normalLogin,
                surname.strip(),
                name.strip(),
                patronymic == null || patronymic.isBlank() ? null : patronymic.strip(),
                normalPhone,
                normalEmail,
                password,
                Boolean.TRUE.equals(systemAdmin));
    }
}
