#!/bin/bash
# First start of the compose PostgreSQL (docker-entrypoint-initdb.d, as the superuser): what deploy/local/postgres.sh
# does for the local cluster. The owner runs the migrations (no superuser), the runtime role only logs in (row-level
# security applies to it), the cellardoor database has vector and pg_trgm, and the two planner settings that need a
# superuser are made (README "Database roles"). Keycloak gets a database of its own.
set -euo pipefail
psql -v ON_ERROR_STOP=1 -U postgres -d postgres \
  -v owner_pw="$CELLARDOOR_DB_PASSWORD" -v app_pw="$CELLARDOOR_DB_APP_PASSWORD" -v kc_pw="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE cellardoor LOGIN NOSUPERUSER NOCREATEROLE CREATEDB PASSWORD :'owner_pw';
CREATE ROLE cellardoor_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_pw';
CREATE ROLE keycloak LOGIN NOSUPERUSER PASSWORD :'kc_pw';
CREATE DATABASE cellardoor OWNER cellardoor;
CREATE DATABASE keycloak OWNER keycloak;
\connect cellardoor
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF;
ALTER FUNCTION cosine_distance(vector, vector) COST 100;
SQL
