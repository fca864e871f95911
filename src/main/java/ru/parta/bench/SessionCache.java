package ru.parta.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The synthetic users' bearer tokens from earlier runs, so a rerun does not sign 5,000 people in again (each sign-in
 * is a bcrypt check, about 0.1 s of server CPU). Lines: {@code target login userId token}. Only bench-n accounts are
 * stored; the file is created readable by its owner only.
 */
final class SessionCache {

    private final Path file;
    private final String target;
    private final Map<String, BenchHttp.Login> entries = new ConcurrentHashMap<>();
    private final List<String> others = new ArrayList<>();

    private SessionCache(Path file, String target) {
        this.file = file;
        this.target = target;
    }

    static SessionCache load(String path, String target) {
        var cache = new SessionCache(path == null ? null : Path.of(path), target);
        if (cache.file == null || !Files.isRegularFile(cache.file)) {
            return cache;
        }
        try {
            for (String line : Files.readAllLines(cache.file)) {
                String[] parts = line.split(" ");
                if (parts.length == 4 && parts[0].equals(target)) {
                    cache.entries.put(parts[1], new BenchHttp.Login(Long.parseLong(parts[2]), parts[3]));
                } else if (!line.isBlank()) {
                    cache.others.add(line);
                }
            }
        } catch (IOException | NumberFormatException e) {
            cache.entries.clear();
        }
        return cache;
    }

    BenchHttp.Login get(String login) {
        return entries.get(login);
    }

    void put(String login, BenchHttp.Login session) {
        entries.put(login, session);
    }

    void save() {
        if (file == null) {
            return;
        }
        List<String> lines = new ArrayList<>(others);
        entries.forEach((login, s) -> lines.add(target + " " + login + " " + s.userId() + " " + s.token()));
        try {
            if (!Files.exists(file)) {
                Files.createFile(file);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            Files.write(file, lines);
        } catch (IOException e) {
            // a cache only
        }
    }
}
