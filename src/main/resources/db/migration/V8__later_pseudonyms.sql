-- Requests that name an erased id (or an erased session) after its erasure are recorded
-- under a second pseudonym of that erasure, which names nothing else: anyone who asks about
-- an id and reads the audit trail learns which pseudonym the request got, and that must not
-- lead to the erased history. Erasures made before this migration keep one pseudonym for
-- both.
alter table erasures add column later_pseudonym varchar(64) unique;
