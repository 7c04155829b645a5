-- Seeds :sessions sessions for :users users (user-0000001 ...), each with its creation
-- event, spread over the past year and older than anything the benchmark creates.
-- Run with: psql -v sessions=1000000 -v users=400000 -f seed.sql
--
-- Session i belongs to user ((i - 1) % users) + 1, so users have 2 or 3 sessions and a
-- user's session with the highest i is the user's newest. About 10% of newest sessions
-- are active (CREATED ... RESUBMISSION_REQUESTED), which the partial unique index
-- sessions_one_active_per_user allows since each user has at most one; every other
-- session is terminal (APPROVED 60%, REJECTED 15%, EXPIRED 15%, CANCELLED 10%). Active
-- sessions expire a week from now at the earliest: none is due for the expiry job.
-- Ids are time-ordered UUIDv7 like the service's own (SessionIds).

\set ON_ERROR_STOP on

begin;

-- No triggers while seeding (the per-status counts are made once at the end, below; a
-- million updates of the same counter rows in one transaction would take far longer).
set local session_replication_role = replica;

insert into sessions (id, user_id, status, callback, reason, created_at, updated_at, expires_at,
                      completed_at, created_by, version)
select (lpad(to_hex((extract(epoch from created_at) * 1000)::bigint), 12, '0') || '7'
            || lpad(to_hex(i % 4096), 3, '0') || '8' || substr(md5('s' || i), 1, 15))::uuid,
       user_id, status,
       case when h % 3 = 0 then 'https://partner.example.com/ekyc/callback' end,
       case when status in ('REJECTED', 'CANCELLED') then 'Seeded ' || lower(status) || ' session' end,
       created_at,
       case when terminal then completed_at else created_at end,
       -- An active session expires in the future (as if its TTL were long), so that the
       -- service's expiry job has nothing to do during a measurement.
       case when terminal then created_at + interval '7 days'
            else greatest(created_at + interval '7 days', now() + interval '7 days') end,
       case when terminal then completed_at end,
       -- twenty back-office clients, for the createdBy filter
       'bench-client-' || lpad((h % 20)::text, 2, '0'),
       case when terminal then 3 else 1 end
from (
    select i, user_id, created_at, h, status,
           status in ('APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED') as terminal,
           case when status = 'EXPIRED' then least(created_at + interval '7 days', now())
                else created_at + (h % 86400) * interval '1 second' end as completed_at
    from (
        select i, user_id, created_at, h,
               case
                   when newest and h % 100 < 10 then
                       (array['CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW',
                              'RESUBMISSION_REQUESTED'])[(h / 100) % 5 + 1]
                   when (h / 100) % 100 < 60 then 'APPROVED'
                   when (h / 100) % 100 < 75 then 'REJECTED'
                   when (h / 100) % 100 < 90 then 'EXPIRED'
                   else 'CANCELLED'
               end as status
        from (
            select i,
                   'user-' || lpad((((i - 1) % :users) + 1)::text, 7, '0') as user_id,
                   i + :users > :sessions as newest,
                   -- a year ago, one session every 31.5 s, the last ones about a day ago
                   date_trunc('milliseconds', now() - interval '366 days' + i * interval '31.5 seconds')
                       as created_at,
                   ('x' || lpad(substr(md5(i::text), 1, 7), 8, '0'))::bit(32)::int as h
            from generate_series(1, :sessions) as i
        ) numbered
    ) with_status
) seeded;

insert into session_events (session_id, sequence, from_status, to_status, actor, occurred_at)
select id, 1, null, 'CREATED', created_by, created_at from sessions;

-- The counts the stats read, where the schema keeps them (builds before it do not).
do $$
begin
    if to_regclass('session_status_counts') is not null then
        delete from session_status_counts;
        insert into session_status_counts (status, stripe, count)
        select status, 0, count(*) from sessions group by status;
    end if;
end $$;

commit;
