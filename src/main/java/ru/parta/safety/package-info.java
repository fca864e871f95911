/**
 * Child safety, moderation and privacy: who may contact a pupil, quiet hours, muting and lesson mode, reports, the
 * word filter, flood limits, the append-only audit log, and export and erasure of personal data. Plugs into chats
 * through {@link ru.parta.chats.ContactPolicy} and {@link ru.parta.chats.SendPolicy}, so chats does not depend on it.
 */
package ru.parta.safety;
