-- The school a file's storage counts against (parta.files.quota-per-school): the school of the chat's generated unit,
-- or for an ad-hoc chat the uploader's school; null when neither is known (then only the uploader's quota applies).
alter table files add column school_id bigint references units (id);
create index files_school on files (school_id) where school_id is not null and state <> 'RELEASED';
