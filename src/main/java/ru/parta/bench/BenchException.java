package ru.parta.bench;

/** A failure that ends the run with a message (no stack trace for the user). */
public class BenchException extends RuntimeException {
    public BenchException(String message) {
        super(message);
    }

    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
