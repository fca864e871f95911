package ru.parta.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WordFilterTests {

    private final WordFilter filter = new WordFilter(
            new SafetyProperties(SafetyProperties.WordFilterMode.BLOCK, 60, 600, 30, java.time.Duration.ofSeconds(1)));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "хуй",
                "Иди на ХУЙ",
                "ХУЁВЫЙ день",
                "нахуя это",
                "заебал уже",
                "пиздец",
                "бля",
                "Блядь!",
                "6ля",
                "xуй",
                "pizdec",
                "blyat",
                "х.у.й",
                "ХХУУЙЙ",
                "мудак",
                "ну ты и пидорас"
            })
    void foldedObsceneWordsMatch(String text) {
        assertThat(filter.matches(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Застрахуйте имущество",
                "мандарин и мандат",
                "команда",
                "небо",
                "употреблять",
                "скипидар",
                "колебание",
                "хулиган",
                "два рубля",
                "потребляет",
                "учебник",
                "Домашнее задание: §12",
                "hello world",
                "ebay"
            })
    void ordinaryWordsDoNotMatch(String text) {
        assertThat(filter.matches(text)).as(text).isFalse();
    }
}
