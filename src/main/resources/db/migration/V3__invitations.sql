-- Personal one-time activation codes. A person has at most one ACTIVE code; re-issuing revokes the old one.
create table invitations (
    id           bigserial primary key,
    person_id    bigint not null references people (id),
    code         text not null unique,
    status       text not null default 'ACTIVE' check (status in ('ACTIVE', 'USED', 'REVOKED')),
    created_by   bigint references users (id),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    used_at      timestamptz,
    used_by      bigint references users (id),
    revoked_at   timestamptz
);
create unique index invitations_one_active on invitations (person_id) where status = 'ACTIVE';

-- Class invitation links: anyone with the link may ask to join the class in the given role.
create table class_links (
    id                bigserial primary key,
    unit_id           bigint not null references units (id),
    role              text not null check (role in ('PUPIL', 'GUARDIAN', 'TEACHER')),
    token             text not null unique,
    requires_approval boolean not null default true,
    created_by        bigint references users (id),
    created_at        timestamptz not null default now(),
    expires_at        timestamptz not null,
    revoked_at        timestamptz
);

create table join_requests (
    id           bigserial primary key,
    link_id      bigint not null references class_links (id),
    user_id      bigint not null references users (id),
    child_name   text,
    status       text not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    created_at   timestamptz not null default now(),
    decided_by   bigint references users (id),
    decided_at   timestamptz,
    person_id    bigint references people (id)
);
create unique index join_requests_pending on join_requests (link_id, user_id) where status = 'PENDING';

-- Guardians' consent to processing a minor's personal data (152-ФЗ): who, for whom, when, which text version.
create table consents (
    id                 bigserial primary key,
    child_person_id    bigint not null references people (id),
    guardian_person_id bigint references people (id),
    guardian_user_id   bigint not null references users (id),
    text_version       text not null,
    given_at           timestamptz not null default now(),
    address            text
);
create index consents_child on consents (child_person_id);
