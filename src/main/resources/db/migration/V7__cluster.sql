-- Scheduled work that must run once per cluster and period: the first node to insert (job, period) runs it.
create table job_runs (
    job         text not null,
    period      text not null,
    node        text not null,
    started_at  timestamptz not null default now(),
    primary key (job, period)
);
