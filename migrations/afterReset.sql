-- Runs as the superuser after `db:reset` recreated the database with CONNECT revoked from PUBLIC.
grant connect on database :DATABASE_NAME to rowgate_authenticator, rowgate_worker;
