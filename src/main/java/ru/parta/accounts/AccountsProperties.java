package ru.parta.accounts;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param sessionLifetime how long a sign-in stays valid
 * @param freeFailuresPerAccount failed logins for one account before back-off starts
 * @param freeFailuresPerAddress failed logins from one address before back-off starts
 * @param maxBackoff the longest wait imposed after failures
 * @param secureCookie whether the session cookie is marked Secure (on behind HTTPS)
 * @param totpRequiredForSystemAdmins whether a system administrator must enrol a TOTP second factor before doing
 *     anything else (off only for test servers)
 * @param totpIssuer the issuer name authenticator apps show beside the account
 * @param resetCodeLifetime how long an administrator's password-reset code stays valid
 */
@Validated
@ConfigurationProperties("parta.accounts")
public record AccountsProperties(
        @DefaultValue("30d") Duration sessionLifetime,
        @DefaultValue("5") @Min(1) int freeFailuresPerAccount,
        @DefaultValue("50") @Min(1) int freeFailuresPerAddress,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("false") boolean secureCookie,
        @DefaultValue("true") boolean totpRequiredForSystemAdmins,
        @DefaultValue("Parta") @NotBlank @Size(max = 64) String totpIssuer,
        @DefaultValue("24h") Duration resetCodeLifetime) {}
