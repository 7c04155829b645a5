-- Writing audit records in fewer round trips. Each function takes the shared side of the
-- write lock (AuditWriter.WRITE_LOCK) and then looks for erasures in a statement of its own:
-- a volatile function's statements each take a new snapshot (read committed), so the look sees
-- every erasure that held the lock before, as separate statements from the service would. Both
-- functions are declared volatile for that: stable ones would look with the call's snapshot.

-- A change's record (or a read that came alone) in one call instead of three statements: it
-- is inserted unless an erasure names its user or its session. When the answer is false
-- nothing was written, and the service names the record by the erasures' rules (ErasedUsers)
-- and writes it then.
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
) returns boolean language plpgsql volatile as $$
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

-- A user digest's first 64 bits as a number: a batch asks for the erasures of thousands of
-- users at a time, and sends 8 bytes a user instead of 64 hexadecimal digits. The service
-- compares the whole digests of what comes back.
create function audit_digest_key(user_digest text) returns bigint language sql immutable strict parallel safe
as $$ select ('x' || left(user_digest, 16))::bit(64)::bigint $$;

create index erasures_by_digest_key on erasures (audit_digest_key(user_digest)) where whole_user;

-- The lock and the look for a batch's erasures in one call: the whole-user erasures whose
-- digests begin with one of the keys, and the erasures of the sessions, latest first.
create function audit_erasures_of(write_lock bigint, digest_keys bigint[], session_ids uuid[])
returns table (erased_digest text, erased_pseudonym text, erased_later_pseudonym text, erased_at timestamptz,
               erased_session_id uuid)
language plpgsql volatile as $$
begin
    perform pg_advisory_xact_lock_shared(write_lock);
    return query
        select e.user_digest::text, e.pseudonym::text, e.later_pseudonym::text, e.erased_at, e.session_id
        from erasures e
        where (e.whole_user and audit_digest_key(e.user_digest) = any(digest_keys))
           or (not e.whole_user and e.session_id = any(session_ids))
        order by e.erased_at desc;
end $$;
