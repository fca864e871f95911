package ru.parta.shared;

/** The one error shape of the API: HTTP status, stable machine code, human message in the caller's language. */
public record ApiError(int status, String code, String message) {}
