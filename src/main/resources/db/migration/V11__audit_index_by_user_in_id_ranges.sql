-- The audit trail's index by user, led by the record's id range (2^18 ids a range). Led by
-- the user id, every record of a read went to a random page of an index that outgrows the
-- shared buffers after a few million records: each insert then read a page back, wrote a
-- dirty one out and, once per page after a checkpoint, logged the whole page. Led by the
-- range, new records go into the newest range's part of the index only (about 10 MB),
-- that stays in memory. A search by user descends the index once per range, newest first,
-- and stops when its page is full (AuditSearch); erasure renames range by range
-- (StoredRecords.ID_RANGE and ID_RANGES write the expression as the index has it).

-- Built over the whole trail: past the connections' statement timeout on a big one.
set local statement_timeout = 0;
drop index audit_records_by_user;
create index audit_records_by_user on audit_records ((id >> 18), user_id, id);
