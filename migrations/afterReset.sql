-- Runs as the superuser after `db:reset` recreated the database with CONNECT revoked from PUBLIC
-- (the same access db/bootstrap.ts grants; CREATE lets the worker install graphile-worker's schema).
grant connect on database :DATABASE_NAME to rowgate_authenticator, rowgate_worker;
grant create on database :DATABASE_NAME to rowgate_worker;
