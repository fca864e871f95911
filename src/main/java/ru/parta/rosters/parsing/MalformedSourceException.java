package ru.parta.rosters.parsing;

/** Thrown inside the package when a source cannot be read further; turned into a {@link FileError}. */
final class MalformedSourceException extends Exception {

    private final transient FileError error;

    MalformedSourceException(FileError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    FileError error() {
        return error;
    }
}
