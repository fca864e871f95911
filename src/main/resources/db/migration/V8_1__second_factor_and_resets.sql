-- TOTP second factor (RFC 6238): one secret per account; confirmed once the owner has proved a code from it.
-- last_step is the highest time step already accepted, so no code is accepted twice.
create table totp_secrets (
    user_id      bigint primary key references users (id),
    secret       text        not null,
    confirmed_at timestamptz,
    last_step    bigint      not null default 0,
    created_at   timestamptz not null default now()
);

-- One-time password-reset codes issued by an administrator who manages the person; only the SHA-256 is stored.
create table password_resets (
    id         bigserial primary key,
    user_id    bigint      not null references users (id),
    code_hash  bytea       not null unique,
    issued_by  bigint      not null references users (id),
    expires_at timestamptz not null,
    used_at    timestamptz,
    created_at timestamptz not null default now()
);
create index password_resets_user on password_resets (user_id) where used_at is null;
