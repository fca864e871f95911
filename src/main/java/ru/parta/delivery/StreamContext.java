package ru.parta.delivery;

import java.util.concurrent.ExecutorService;
import ru.parta.chats.ChatService;
import ru.parta.chats.ChatSync;
import ru.parta.chats.MessageService;
import ru.parta.shared.ErrorMessages;
import tools.jackson.databind.json.JsonMapper;

/** What every stream connection shares; one instance per server keeps per-connection memory small. */
record StreamContext(
        ChatSync sync,
        ChatService chats,
        MessageService messages,
        Connections connections,
        DeliveryMetrics metrics,
        DeliveryProperties properties,
        JsonMapper json,
        ErrorMessages errors,
        ExecutorService workers) {}
