/**
 * File attachments: resumable chunked uploads, content sniffing, image clean-up (metadata removed, thumbnails),
 * voice durations, a content-addressed reference-counted blob store, and downloads with ranges for chat members.
 * Implements {@link ru.parta.chats.MessageAttachments}.
 */
package ru.parta.files;
