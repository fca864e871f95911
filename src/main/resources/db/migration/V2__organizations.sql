-- Organisation tree: region → department → school → class / group / staff unit.
create table units (
    id           bigserial primary key,
    parent_id    bigint references units (id),
    kind         text not null check (kind in ('REGION', 'DEPARTMENT', 'SCHOOL', 'CLASS', 'GROUP', 'STAFF')),
    name         text not null,
    grade        int,
    time_zone    text not null default 'Europe/Moscow',
    deadline     date,
    created_at   timestamptz not null default now(),
    archived_at  timestamptz
);
create index units_parent on units (parent_id);
create unique index units_class_name on units (parent_id, kind, name) where archived_at is null;

-- Rostered people of a school (or department). name_key folds case, ё/е and spaces for matching on re-import.
create table people (
    id           bigserial primary key,
    home_unit_id bigint not null references units (id),
    surname      text not null,
    name         text not null,
    patronymic   text,
    name_key     text not null,
    birth_date   date,
    phone        text,
    email        text,
    user_id      bigint references users (id),
    created_at   timestamptz not null default now(),
    archived_at  timestamptz
);
create index people_home_key on people (home_unit_id, name_key);
create index people_user on people (user_id);

-- Roles held in units. source ROSTER roles are owned by imports; MANUAL ones are never touched by an import.
create table person_roles (
    id           bigserial primary key,
    person_id    bigint not null references people (id),
    unit_id      bigint not null references units (id),
    role         text not null check (role in ('PUPIL', 'GUARDIAN', 'TEACHER', 'CLASS_TEACHER', 'DIRECTOR', 'DEPUTY',
                                               'SCHOOL_ADMIN', 'DEPARTMENT_STAFF')),
    subjects     text[] not null default '{}',
    source       text not null default 'ROSTER' check (source in ('ROSTER', 'MANUAL')),
    created_at   timestamptz not null default now(),
    archived_at  timestamptz
);
create unique index person_roles_active on person_roles (person_id, unit_id, role) where archived_at is null;
create index person_roles_unit on person_roles (unit_id) where archived_at is null;

create table guardianships (
    guardian_id  bigint not null references people (id),
    child_id     bigint not null references people (id),
    created_at   timestamptz not null default now(),
    primary key (guardian_id, child_id)
);
create index guardianships_child on guardianships (child_id);

-- Generated chats: one per unit and kind. Members carry why they are there; a member removed by hand is remembered
-- so that re-imports do not add them back, and a member added by hand is never removed by a sync.
alter table chats add column generated_unit_id bigint references units (id);
alter table chats add column generated_kind text;
create unique index chats_generated on chats (generated_unit_id, generated_kind) where generated_unit_id is not null;
alter table chat_members add column reasons text[] not null default '{}';
alter table chat_members add column managed boolean not null default false;

create table chat_member_exclusions (
    chat_id      bigint not null references chats (id),
    user_id      bigint not null references users (id),
    removed_by   bigint references users (id),
    removed_at   timestamptz not null default now(),
    primary key (chat_id, user_id)
);

create table roster_imports (
    id           bigserial primary key,
    school_id    bigint not null references units (id),
    imported_by  bigint not null references users (id),
    file_name    text not null,
    applied      boolean not null,
    summary      jsonb not null,
    created_at   timestamptz not null default now()
);
