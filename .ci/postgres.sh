#!/usr/bin/env bash
# A PostgreSQL server for the store tests: Debian's package, started on loopback, with a
# throwaway superuser role and database. Prints the URL the tests read (TIDINGS_TEST_POSTGRES).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt-get install -y -q postgresql >/dev/null 2>&1 || {
        apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null
    }
fi
version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if ! pg_lsclusters -h | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null 2>&1
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
    su postgres -c "pg_isready -q" >/dev/null 2>&1 && break
    sleep 1
done
su postgres -c "psql -q -c \"DO \\\$\\\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tidings')
    THEN CREATE ROLE tidings LOGIN SUPERUSER PASSWORD 'tidings'; END IF; END\\\$\\\$;\"" >/dev/null
su postgres -c "psql -tAc \"SELECT 1 FROM pg_database WHERE datname = 'tidings_test'\"" | grep -q 1 \
    || su postgres -c "createdb -O tidings tidings_test" >/dev/null
echo "postgresql://tidings:tidings@localhost:5432/tidings_test"
