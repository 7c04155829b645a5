-- A retention erasure names the session it erased, so that a record of that session
-- written after it (a read that waited in memory, or a later request naming the session)
-- gets the session's pseudonym rather than the user id. Sessions that retention erased
-- before this migration carry their pseudonym as user id.
alter table erasures add column session_id uuid;

update erasures e set session_id = s.id
from sessions s
where not e.whole_user and s.user_id = e.pseudonym;

create index erasures_by_session on erasures (session_id) where not whole_user;
