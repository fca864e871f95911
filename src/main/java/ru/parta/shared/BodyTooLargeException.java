package ru.parta.shared;

import java.io.IOException;

/** Raised while reading a request body that exceeds the configured limit, even when it arrives chunked. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException() {
        super("BODY_TOO_LARGE");
    }
}
