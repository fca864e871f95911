package ru.parta;

import java.util.Arrays;

/** Turns the friendly {@code --demo} command-line flag into the {@code parta.demo.enabled} property. */
final class DemoFlag {

    private DemoFlag() {}

    static String[] apply(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--parta.demo.enabled=true" : arg)
                .toArray(String[]::new);
    }
}
