-- Compliance: the audit trail and its hash chain, erasure of users, retention, back-office
-- search and figures.

-- One row per authenticated request under /ekyc/admin, written once and never updated
-- (but for erasure, which replaces user_id by a pseudonym). The chain's links are kept
-- apart, in audit_seals: sealing inserts a narrow row instead of rewriting the record.
create table audit_records (
    id          bigint        generated always as identity primary key,
    occurred_at timestamptz   not null,
    actor       varchar(255)  not null,
    issuer      varchar(2048),
    operation   varchar(32)   not null,
    user_id     varchar(255),
    user_digest varchar(64),
    session_id  uuid,
    status      smallint      not null,
    request_id  varchar(128)
);

-- The query's filters by user and by actor, newest first. Time ranges use a BRIN index
-- (records arrive in time order and are never updated: a few pages of summaries instead
-- of a B-tree to maintain at every read recorded); an operation alone is found along the
-- primary key.
create index audit_records_by_user on audit_records (user_id, id desc);
create index audit_records_by_actor on audit_records (actor, id desc);
create index audit_records_by_time on audit_records using brin (occurred_at);

-- The hash chain: a record's hash is sha256(the previous record's hash, the record's
-- fields), where the user is covered by user_digest (a keyed digest of the user id), so
-- that erasure can replace user_id by a pseudonym and the chain still verifies. A record
-- without a row here is not sealed yet.
create table audit_seals (
    id   bigint      primary key,
    hash varchar(64) not null
);

-- Where the chain starts: the hash that the first kept record follows (64 zeros until
-- retention deletes the first records) and that record's id. One row.
create table audit_chain (
    singleton     boolean      primary key default true check (singleton),
    first_id      bigint       not null,
    previous_hash varchar(64)  not null
);
insert into audit_chain (first_id, previous_hash) values (1, repeat('0', 64));

-- The key of the user digests: made once, here, by the service's first start.
create table audit_keys (
    singleton       boolean  primary key default true check (singleton),
    user_digest_key bytea    not null
);

-- Every erasure: the pseudonym that replaced a user id and the digest of that id, so that
-- verification can tell a pseudonym from a tampered user id, and records of reads written
-- after the erasure (batched) get the pseudonym too. whole_user is false for sessions that
-- retention erased one by one.
create table erasures (
    pseudonym   varchar(64)  primary key,
    user_digest varchar(64)  not null,
    whole_user  boolean      not null,
    reason      varchar(500) not null,
    erased_at   timestamptz  not null
);
create index erasures_by_digest on erasures (user_digest) where whole_user;

-- Erasure removes callback URLs and payloads of deliveries it keeps as counts.
alter table callback_deliveries alter column url drop not null;
alter table callback_deliveries alter column payload drop not null;

-- Delivery retention: finished deliveries by age.
create index callback_deliveries_finished on callback_deliveries (created_at) where status <> 'PENDING';

-- Session retention: terminal sessions by completion, not yet erased.
create index sessions_retainable on sessions (completed_at)
    where completed_at is not null and user_id not like 'erased-%';

-- Back-office search: by creator, newest first (created_at ranges use sessions_newest).
create index sessions_by_creator_newest on sessions (created_by, created_at desc, id desc);

-- Figures: counts per status kept by a trigger in striped rows (a hot row per status would
-- make every creation wait for the one before), so that the stats are one small read.
create table session_status_counts (
    status varchar(32) not null,
    stripe smallint    not null,
    count  bigint      not null,
    primary key (status, stripe)
);
insert into session_status_counts (status, stripe, count)
select s.status, 0, count(*) from sessions s group by s.status;

create function session_status_counts_follow() returns trigger language plpgsql as $$
declare
    backend_stripe smallint := pg_backend_pid() % 16;
begin
    if tg_op in ('UPDATE', 'DELETE') then
        insert into session_status_counts as c (status, stripe, count) values (old.status, backend_stripe, -1)
        on conflict (status, stripe) do update set count = c.count - 1;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into session_status_counts as c (status, stripe, count) values (new.status, backend_stripe, 1)
        on conflict (status, stripe) do update set count = c.count + 1;
    end if;
    return null;
end $$;

create trigger sessions_count_inserts after insert or delete on sessions
    for each row execute function session_status_counts_follow();
create trigger sessions_count_status after update of status on sessions
    for each row when (old.status is distinct from new.status) execute function session_status_counts_follow();

-- The oldest active session, for the figures.
create index sessions_active_by_age on sessions (created_at)
    where status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED');
