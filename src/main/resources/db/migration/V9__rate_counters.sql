-- Back-off and rate-limit counters shared by the nodes of a cluster (single nodes keep them in memory).
-- Unlogged: a database crash empties it, as a restart empties the in-memory counters; it is not replicated.
create unlogged table rate_counters (
    key      text primary key,
    hits     bigint not null,
    last_at  timestamptz not null,
    ends_at  timestamptz not null
);
create index rate_counters_ends_at on rate_counters (ends_at);
