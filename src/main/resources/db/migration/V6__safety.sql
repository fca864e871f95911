-- Child safety, moderation and privacy.

-- A message sent into a chat with pupils during the school's quiet hours: clients show it without alerting.
alter table messages add column quiet boolean not null default false;

-- Quiet hours of a school, in the school's time zone; from > to wraps over midnight.
alter table units add column quiet_from time not null default '21:00';
alter table units add column quiet_to time not null default '08:00';

create table chat_mutes (
    chat_id     bigint not null references chats (id),
    user_id     bigint not null references users (id),
    muted_until timestamptz not null,
    muted_by    bigint not null references users (id),
    created_at  timestamptz not null default now(),
    primary key (chat_id, user_id)
);

create table chat_lesson_mode (
    chat_id     bigint primary key references chats (id),
    set_by      bigint not null references users (id),
    set_at      timestamptz not null default now()
);

-- Reports of messages: by a member (once per member and message) or by the word filter (reporter_id null).
create table message_reports (
    id           bigserial primary key,
    chat_id      bigint not null references chats (id),
    message_id   bigint not null references messages (id),
    reporter_id  bigint references users (id),
    reason       text not null,
    created_at   timestamptz not null default now(),
    resolved_at  timestamptz,
    resolved_by  bigint references users (id),
    resolution   text check (resolution in ('DELETED', 'DISMISSED'))
);
create unique index message_reports_once on message_reports (message_id, reporter_id) where reporter_id is not null;
create unique index message_reports_filter on message_reports (message_id) where reporter_id is null;
create index message_reports_open on message_reports (chat_id) where resolved_at is null;

-- Append-only audit log of administrative actions, hash-chained: hash = sha256(prev_hash | the entry's fields).
create table audit_log (
    id          bigserial primary key,
    at          timestamptz not null,
    actor_id    bigint,
    unit_id     bigint,
    action      text not null,
    details     text not null,
    address     text,
    prev_hash   text not null,
    hash        text not null unique
);
create index audit_log_unit on audit_log (unit_id, id);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();

alter table users add column erased_at timestamptz;
