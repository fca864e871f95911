-- Accounts and sessions
create table users (
    id              bigserial primary key,
    login           text not null,
    surname         text not null,
    name            text not null,
    patronymic      text,
    phone           text,
    email           text,
    password_hash   text not null,
    system_admin    boolean not null default false,
    disabled        boolean not null default false,
    created_at      timestamptz not null default now()
);
create unique index users_login_key on users (lower(login));
create unique index users_phone_key on users (phone) where phone is not null;
create unique index users_email_key on users (lower(email)) where email is not null;

create table sessions (
    id              bigserial primary key,
    token_hash      bytea not null unique,
    user_id         bigint not null references users (id),
    created_at      timestamptz not null default now(),
    expires_at      timestamptz not null,
    revoked_at      timestamptz,
    user_agent      text,
    address         text
);
create index sessions_user on sessions (user_id);

-- Chats. last_position is the chat's event counter: a writer takes the next position under this row's lock, so
-- positions of one chat are handed out and committed strictly in order (see docs/ARCHITECTURE.md).
create table chats (
    id               bigserial primary key,
    kind             text not null check (kind in ('DIRECT', 'GROUP', 'CHANNEL')),
    title            text,
    direct_key       text unique,
    created_by       bigint references users (id),
    created_at       timestamptz not null default now(),
    last_position    bigint not null default 0,
    last_activity_at timestamptz not null default now(),
    last_message_id  bigint
);

create table chat_members (
    chat_id          bigint not null references chats (id),
    user_id          bigint not null references users (id),
    role             text not null check (role in ('OWNER', 'ADMIN', 'MEMBER', 'READ_ONLY')),
    joined_at        timestamptz not null default now(),
    joined_position  bigint not null,
    read_position    bigint not null default 0,
    primary key (chat_id, user_id)
);
create index chat_members_user on chat_members (user_id);

create table messages (
    id            bigserial primary key,
    chat_id       bigint not null references chats (id),
    sender_id     bigint not null references users (id),
    client_id     text not null,
    position      bigint not null,
    body          text not null,
    reply_to      bigint references messages (id),
    mentions      bigint[] not null default '{}',
    pinned        boolean not null default false,
    created_at    timestamptz not null default now(),
    edited_at     timestamptz,
    deleted_at    timestamptz,
    -- search_text is the body folded by the application (lower case, ё → е), so search does not depend on the
    -- database's locale: with the C locale PostgreSQL does not lower-case Cyrillic.
    search_text   text not null default '',
    search        tsvector generated always as (to_tsvector('russian', search_text)) stored,
    unique (sender_id, client_id)
);
create index messages_chat_position on messages (chat_id, position);
create index messages_search on messages using gin (search);

create table reactions (
    message_id  bigint not null references messages (id),
    user_id     bigint not null references users (id),
    emoji       text not null,
    created_at  timestamptz not null default now(),
    primary key (message_id, user_id, emoji)
);

-- Every durable change of a chat, in position order. payload is the exact JSON a client receives.
create table chat_events (
    chat_id     bigint not null references chats (id),
    position    bigint not null,
    type        text not null,
    payload     jsonb not null,
    created_at  timestamptz not null default now(),
    primary key (chat_id, position)
);
