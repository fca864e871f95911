package ru.parta.files;

import java.util.List;
import ru.parta.shared.ApiException;

/**
 * The loudness summary of a voice recording, as the recording client measured it: between 1 and {@value #MAX} values,
 * each 0..100. The server cannot decode Opus, so it does not recompute the summary; it only checks its shape, and keeps
 * it only for a file that turns out to be a recording with a duration (it is drawn as the waveform, nothing else).
 */
final class VoiceLevels {

    static final int MAX = 100;

    private VoiceLevels() {}

    /** The summary, unchanged; null when absent; {@code 400 INVALID_LEVELS} when malformed. */
    static List<Integer> check(List<Integer> levels) {
        if (levels == null) {
            return null;
        }
        if (levels.isEmpty() || levels.size() > MAX || levels.stream().anyMatch(l -> l == null || l < 0 || l > 100)) {
            throw ApiException.badRequest("INVALID_LEVELS", MAX);
        }
        return List.copyOf(levels);
    }
}
