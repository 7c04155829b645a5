-- The key of the user digests is made here, once, not at a service's first use of it:
-- made there inside a transaction that rolled back, it was lost while the instance went
-- on using it. 32 bytes from two random UUIDs (PostgreSQL's strong random source; 244
-- random bits). A database that has its key keeps it.
insert into audit_keys (user_digest_key)
values (decode(replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), 'hex'))
on conflict do nothing;

-- An erasure's reason is kept with the erased id replaced by the pseudonym, which may make
-- it longer than the 500 characters a caller may send.
alter table erasures alter column reason type text;

-- Erasures delete the idempotency records of the sessions they erase.
create index idempotency_keys_by_session on idempotency_keys (session_id);
