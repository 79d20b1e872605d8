# What the tests need from the machine, and how CI provides it when it is missing (sourced by
# .ci/run). Each part is found by what answers rather than by what is installed: a PostgreSQL or
# Redis already running, whoever started it, is used as it is.

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
# The ports and cluster name are overridable so that .ci/check-provision can exercise the
# provisioning path beside servers that already run on the default ports.
POSTGRES_PORT=${PROVISION_POSTGRES_PORT:-5432}
POSTGRES_CLUSTER=${PROVISION_POSTGRES_CLUSTER:-main}
REDIS_PORT=${PROVISION_REDIS_PORT:-6379}
# The database the suites connect to when TEST_POSTGRES_URL is not set (tests/support/test-databases.ts).
DEFAULT_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:${POSTGRES_PORT}/test"

# True when something accepts TCP connections on 127.0.0.1:<port>; needs nothing installed.
port_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

needs_chromium() { [ ! -x "$CHROMIUM" ]; }
# A TEST_POSTGRES_URL set by hand names a server someone else provides.
needs_postgres() { [ -z "${TEST_POSTGRES_URL:-}" ] && ! port_answers "$POSTGRES_PORT"; }
needs_redis() { ! port_answers "$REDIS_PORT"; }

# One line per part: present, or what provisioning would do.
report_needs() {
  if needs_chromium; then echo "chromium: missing, would install chromium"; else echo "chromium: present"; fi
  if needs_postgres; then echo "postgresql: nothing answers on 127.0.0.1:$POSTGRES_PORT, would install and start postgresql"; else echo "postgresql: ${TEST_POSTGRES_URL:-answers on 127.0.0.1:$POSTGRES_PORT}"; fi
  if needs_redis; then echo "redis: nothing answers on 127.0.0.1:$REDIS_PORT, would install and start redis-server"; else echo "redis: answers on 127.0.0.1:$REDIS_PORT"; fi
}

APT_UPDATED=
apt_install() {
  if [ -z "$APT_UPDATED" ]; then
    apt-get update -qq
    APT_UPDATED=yes
  fi
  apt-get install -y -qq "$@" >/dev/null
}

# Runs "$@" until it succeeds, for up to 30 seconds.
wait_until() {
  local what=$1
  shift
  for _ in $(seq 30); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "$what did not answer within 30 s" >&2
  return 1
}

provision_chromium() {
  needs_chromium || return 0
  apt_install chromium
}

# Debian's cluster, reachable as `postgres` without a password on 127.0.0.1, with the `test`
# database the suites create their throw-away databases from.
provision_postgres() {
  needs_postgres || return 0
  command -v pg_ctlcluster >/dev/null || apt_install postgresql
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  # Debian's package usually creates the main cluster itself; create it when it did not.
  [ -d "/etc/postgresql/$version/$POSTGRES_CLUSTER" ] ||
    pg_createcluster --port "$POSTGRES_PORT" "$version" "$POSTGRES_CLUSTER" >/dev/null
  local hba="/etc/postgresql/$version/$POSTGRES_CLUSTER/pg_hba.conf"
  grep -q '^host all postgres 127.0.0.1/32 trust' "$hba" || sed -i '1i host all postgres 127.0.0.1/32 trust' "$hba"
  # Installing the package may already have started the cluster; then it only rereads pg_hba.conf.
  if port_answers "$POSTGRES_PORT"; then
    pg_ctlcluster --skip-systemctl-redirect "$version" "$POSTGRES_CLUSTER" reload
  else
    pg_ctlcluster --skip-systemctl-redirect "$version" "$POSTGRES_CLUSTER" start
  fi
  wait_until PostgreSQL pg_isready -h 127.0.0.1 -p "$POSTGRES_PORT"
  if [ "$(runuser -u postgres -- psql -p "$POSTGRES_PORT" -tAc "SELECT 1 FROM pg_database WHERE datname = 'test'")" != 1 ]; then
    runuser -u postgres -- createdb -p "$POSTGRES_PORT" test
  fi
}

provision_redis() {
  needs_redis || return 0
  command -v redis-server >/dev/null || apt_install redis-server
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  wait_until Redis redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
}
