package ru.parta.rosters;

/** The grade number of a normalised class name («11Б» → 11); null for a group without one. */
final class ClassGrades {

    private ClassGrades() {}

    static Integer grade(String className) {
        int end = 0;
        while (end < className.length() && Character.isDigit(className.charAt(end))) {
            end++;
        }
        return end == 0 ? null : Integer.valueOf(className.substring(0, end));
    }
}
