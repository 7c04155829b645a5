-- Seeds :sessions sessions for the one user :'user_id' (bench/flood.sh), each with two
-- history rows (created, then its end), spread over the past year.
-- Run with: psql -v sessions=200000 -v user_id=flood-user -f flood-seed.sql
--
-- Every session is terminal (APPROVED, REJECTED, EXPIRED, CANCELLED in turn): the partial
-- unique index sessions_one_active_per_user allows one active session per user only.
-- Ids are time-ordered UUIDv7 like the service's own (SessionIds), as in seed.sql.

\set ON_ERROR_STOP on

begin;

insert into sessions (id, user_id, status, callback, reason, created_at, updated_at, expires_at,
                      completed_at, created_by, version)
select (lpad(to_hex((extract(epoch from created_at) * 1000)::bigint), 12, '0') || '7'
            || lpad(to_hex(i % 4096), 3, '0') || '8' || substr(md5('flood' || i), 1, 15))::uuid,
       :'user_id', status,
       case when i % 2 = 0 then 'https://partner.example.com/ekyc/callback' end,
       case when status in ('REJECTED', 'CANCELLED') then 'Seeded ' || lower(status) || ' session' end,
       created_at, completed_at, created_at + interval '7 days', completed_at, 'bench-seed', 2
from (
    select i, created_at, status,
           case when status = 'EXPIRED' then created_at + interval '7 days'
                else created_at + (i % 86400) * interval '1 second' end as completed_at
    from (
        select i,
               (array['APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'])[i % 4 + 1] as status,
               -- from a year and a bit ago up to about 8 days ago, evenly
               date_trunc('milliseconds', now() - interval '374 days'
                   + i * (interval '366 days' / :sessions)) as created_at
        from generate_series(1, :sessions) as i
    ) numbered
) seeded;

insert into session_events (session_id, sequence, from_status, to_status, actor, occurred_at)
select id, 1, null, 'CREATED', created_by, created_at from sessions where user_id = :'user_id';

insert into session_events (session_id, sequence, from_status, to_status, reason, actor, occurred_at)
select id, 2,
       case when status in ('APPROVED', 'REJECTED') then 'IN_REVIEW' else 'CREATED' end,
       status, reason,
       case when status = 'EXPIRED' then 'ekyc-admin' else created_by end, completed_at
from sessions where user_id = :'user_id';

commit;
