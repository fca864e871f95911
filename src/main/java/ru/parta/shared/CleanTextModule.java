package ru.parta.shared;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from a JSON body is refused ({@code 400 INVALID_CHARACTERS}) if it holds a NUL or an unpaired
 * UTF-16 surrogate: PostgreSQL cannot store the first, and the second is not text in any encoding, so either would
 * otherwise fail deep inside a transaction as a server error. Spring Boot registers this module with its JSON mapper.
 */
@Component
class CleanTextModule extends SimpleModule {

    CleanTextModule() {
        super("parta-clean-text");
        addDeserializer(String.class, new CleanStringDeserializer());
    }

    /** Whether the text is storable: no NUL, every surrogate in a pair. */
    static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String value = super.deserialize(p, ctxt);
            if (value != null && !clean(value)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_CHARACTERS");
            }
            return value;
        }
    }
}
