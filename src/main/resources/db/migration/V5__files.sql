-- Files. Content lives in a content-addressed blob store (SHA-256); blobs counts the references to each blob, and a
-- blob whose count reaches zero is removed by the janitor (FileJanitor).
create table blobs (
    sha256      text primary key,
    size        bigint not null,
    refs        integer not null default 0 check (refs >= 0),
    created_at  timestamptz not null default now()
);
create index blobs_unreferenced on blobs (sha256) where refs = 0;

-- One row per file: first an unfinished upload (UPLOADING, bytes received so far in a server-named partial file),
-- then a processed file (READY, content in blob), attached to at most one message, finally RELEASED when that
-- message is deleted. The id of the upload is the id of the file.
create table files (
    id              bigserial primary key,
    chat_id         bigint not null references chats (id),
    uploader_id     bigint not null references users (id),
    file_name       text not null,
    size            bigint not null check (size > 0),
    received        bigint not null default 0,
    state           text not null default 'UPLOADING' check (state in ('UPLOADING', 'READY', 'RELEASED')),
    content_type    text,
    stored_size     bigint,
    blob            text references blobs (sha256),
    thumbnail_blob  text references blobs (sha256),
    width           integer,
    height          integer,
    duration_ms     bigint,
    levels          integer[],
    message_id      bigint references messages (id),
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    expires_at      timestamptz not null
);
create index files_message on files (message_id) where message_id is not null;
create index files_uploader on files (uploader_id) where state <> 'RELEASED';
create index files_expiring on files (expires_at) where message_id is null and state <> 'RELEASED';
