-- The id of the request whose change a delivery sends, so that the log lines of its attempts
-- carry it too. Null for changes no request made (the expiry sweep) and for older rows.
alter table callback_deliveries add column request_id varchar(128);
