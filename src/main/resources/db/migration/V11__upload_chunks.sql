-- The bytes of unfinished uploads, shared by every node, so a chunk may land on any node of a cluster. A chunk is
-- stored as pieces keyed by their offset in the file, in the transaction that advances files.received; the rows go
-- when the upload is finished (moved into the blob store) or its file row is deleted.
create table upload_chunks (
    upload_id     bigint not null references files (id) on delete cascade,
    start_offset  bigint not null check (start_offset >= 0),
    data          bytea  not null,
    primary key (upload_id, start_offset)
);
-- Uploads are mostly compressed media: store the pieces out of line without trying to compress them again.
alter table upload_chunks alter column data set storage external;
