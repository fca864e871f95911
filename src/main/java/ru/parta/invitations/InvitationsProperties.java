package ru.parta.invitations;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param codeLifetime how long a personal code stays valid
 * @param linkLifetime how long a class invitation link stays valid
 * @param freeWrongCodes wrong codes from one address before back-off starts
 * @param maxBackoff the longest wait after wrong codes
 * @param publicUrl the address people open, printed on invitation sheets and in QR codes
 * @param selfActivationAge from this age a pupil activates alone; younger pupils only with a signed-in guardian
 * @param consentVersion the version of the consent text a guardian agrees to
 */
@Validated
@ConfigurationProperties("parta.invitations")
public record InvitationsProperties(
        @DefaultValue("30d") Duration codeLifetime,
        @DefaultValue("14d") Duration linkLifetime,
        @DefaultValue("10") @Min(1) int freeWrongCodes,
        @DefaultValue("15m") Duration maxBackoff,
        @DefaultValue("http://localhost:8080") @NotBlank String publicUrl,
        @DefaultValue("14") @Min(1) int selfActivationAge,
        @DefaultValue("2026-1") @NotBlank String consentVersion) {}
