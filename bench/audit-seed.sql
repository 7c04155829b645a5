-- Audit records for the benchmarks, unsealed (the service seals them when it starts), with the
-- user digests the service makes (HMAC-SHA256 under the database's key): :records records of
-- twenty actors over the last 30 days, each of one of :users seeded users, every thousandth of
-- the user 'erase-me'.
-- psql -v records=N -v users=N -v issuer=URL -f bench/audit-seed.sql
create extension if not exists pgcrypto;
insert into audit_records (occurred_at, actor, issuer, operation, user_id, user_digest, session_id, status, request_id)
select now() - interval '30 days' + i * interval '2 milliseconds',
       'bench-client-' || lpad((i % 20)::text, 2, '0'), :'issuer',
       (array['session.get', 'session.list', 'session.create', 'session.status', 'session.events'])[i % 5 + 1],
       u.user_id, encode(hmac(convert_to(u.user_id, 'UTF8'), (select user_digest_key from audit_keys), 'sha256'), 'hex'),
       null, 200, md5(i::text)
from generate_series(1, :records) i
cross join lateral (select case when i % 1000 = 0 then 'erase-me'
                                else 'user-' || lpad(((i % :users) + 1)::text, 7, '0') end as user_id) u;
