package ru.parta.shared;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxBodyBytes largest JSON request body accepted */
@Validated
@ConfigurationProperties("parta.http")
public record HttpProperties(
        @DefaultValue("1048576") @Min(1024) long maxBodyBytes) {}
