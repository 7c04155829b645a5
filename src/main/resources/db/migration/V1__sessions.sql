-- Verification sessions, their history, and the answers kept for Idempotency-Key replays.

create table sessions (
    id           uuid         primary key,
    user_id      varchar(255) not null,
    status       varchar(32)  not null,
    callback     varchar(2048),
    reason       varchar(500),
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    completed_at timestamptz,
    created_by   varchar(255) not null,
    version      bigint       not null,
    constraint sessions_status_known check (status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW',
        'RESUBMISSION_REQUESTED', 'APPROVED', 'REJECTED', 'EXPIRED', 'CANCELLED'))
);

-- At most one active (non-terminal) session per user, whatever the number of instances.
create unique index sessions_one_active_per_user on sessions (user_id)
    where status in ('CREATED', 'IN_PROGRESS', 'SUBMITTED', 'IN_REVIEW', 'RESUBMISSION_REQUESTED');

-- A user's sessions and newest session, the admin list, and the list filtered by status.
create index sessions_by_user_newest on sessions (user_id, created_at desc, id desc);
create index sessions_newest on sessions (created_at desc, id desc);
create index sessions_by_status_newest on sessions (status, created_at desc, id desc);

create table session_events (
    id          bigint       generated always as identity primary key,
    session_id  uuid         not null references sessions (id),
    sequence    integer      not null,
    from_status varchar(32),
    to_status   varchar(32)  not null,
    reason      varchar(500),
    actor       varchar(255) not null,
    occurred_at timestamptz  not null,
    constraint session_events_sequence_unique unique (session_id, sequence)
);

create table idempotency_keys (
    caller       varchar(255) not null,
    key          varchar(255) not null,
    fingerprint  varchar(64)  not null,
    session_id   uuid         not null references sessions (id) deferrable initially deferred,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    primary key (caller, key)
);

create index idempotency_keys_expiry on idempotency_keys (expires_at);
