-- One chunk at a time per upload across every node: a chunk's writer holds a lease on the upload row until it is done
-- (or the lease runs out, if its node died mid-chunk).
alter table files add column writer_until timestamptz;
