-- The audit trail's indexes by user and by actor, in ascending id order. Declared newest
-- first (id desc), every new record went to the left end of its user's or actor's range,
-- where a full page splits in half: the actor index grew to twice the size of the primary
-- key, and each split was written again. Ascending, a new record goes to the right end,
-- where PostgreSQL fills pages before it splits them; "newest first" reads the same index
-- backwards.
drop index audit_records_by_user;
create index audit_records_by_user on audit_records (user_id, id);
drop index audit_records_by_actor;
create index audit_records_by_actor on audit_records (actor, id);
