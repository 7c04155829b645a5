-- A change's audit record in one round trip instead of three (the write lock, the look for
-- erasures, the insert): the record is inserted unless an erasure names its user or its
-- session, and the answer says which. The look runs in a statement of its own after the lock
-- (a function's statements each take a new snapshot), so it sees every erasure that held the
-- lock before, as AuditWriter's separate statements do. When it answers false nothing was
-- written, and the service names the record by the erasure's rules (ErasedUsers) and writes
-- it then.
create function audit_insert_unless_erased(
    write_lock     bigint,
    at_time        timestamptz,
    by_actor       text,
    by_issuer      text,
    of_operation   text,
    of_user_id     text,
    of_user_digest text,
    of_session_id  uuid,
    answered       integer,
    of_request_id  text
) returns boolean language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(write_lock);
    if of_user_id is not null and of_user_digest is not null and exists (
            select 1 from erasures e
            where (e.whole_user and e.user_digest = of_user_digest)
               or (not e.whole_user and e.session_id = of_session_id)) then
        return false;
    end if;
    insert into audit_records (occurred_at, actor, issuer, operation, user_id, user_digest, session_id, status,
                               request_id)
    values (at_time, by_actor, by_issuer, of_operation, of_user_id, of_user_digest, of_session_id, answered,
            of_request_id);
    return true;
end $$;
