-- Daily coverage snapshots: one row per unit, day and role; role 'ALL' holds the totals (a person counts once).
-- Written by the nightly job and on demand; a second snapshot on the same day replaces the first.
create table coverage_snapshots (
    unit_id      bigint not null references units (id),
    day          date not null,
    role         text not null check (role in ('ALL', 'PUPIL', 'GUARDIAN', 'TEACHER', 'CLASS_TEACHER', 'DIRECTOR',
                                               'DEPUTY', 'SCHOOL_ADMIN', 'DEPARTMENT_STAFF')),
    rostered     int not null,
    activated    int not null,
    connected    int not null,
    active7d     int not null,
    taken_at     timestamptz not null default now(),
    primary key (unit_id, day, role)
);

-- Coverage reads "active in the last 7 days" and the latest invitation per person for whole departments at once.
create index messages_sender_created on messages (sender_id, created_at);
create index invitations_person on invitations (person_id, created_at desc);
