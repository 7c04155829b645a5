-- The callback outbox: one row per status change of a session that has a callback URL, written
-- in the same transaction as the change. It holds the attempts, the schedule and the lease.

create table callback_deliveries (
    id               uuid          primary key,
    session_id       uuid          not null references sessions (id),
    sequence         integer       not null,
    url              varchar(2048) not null,
    payload          text          not null,
    status           varchar(16)   not null,
    attempts         integer       not null,
    round_attempts   integer       not null,
    next_attempt_at  timestamptz   not null,
    lease_token      uuid,
    lease_until      timestamptz,
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       varchar(500),
    delivered_at     timestamptz,
    created_at       timestamptz   not null,
    constraint callback_deliveries_status_known check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint callback_deliveries_one_per_change unique (session_id, sequence)
);

-- What the dispatcher claims: pending deliveries by due time.
create index callback_deliveries_due on callback_deliveries (next_attempt_at) where status = 'PENDING';

-- Sessions whose expiry the sweep looks for.
create index sessions_expiring on sessions (expires_at)
    where status in ('CREATED', 'IN_PROGRESS', 'RESUBMISSION_REQUESTED');
