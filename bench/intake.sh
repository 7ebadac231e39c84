#!/usr/bin/env bash
# Partner API throughput (issue 5): referrals per second through POST /api/v1/referrals at 32 concurrent
# connections, against what pgbench achieves for a single-row INSERT of a similar-sized row (about 1.5 KB
# of bytea) on the same PostgreSQL at the same concurrency with synchronous_commit on, in the same run
# (pgbench runs before Safeguard starts and again after it stops; the reference is the mean of the two).
# Target: ratio >= 0.25 and p99 <= 50 ms. Exits non-zero below either. It also prints the whole machine's
# CPU time per pgbench row and per referral: both are bound by the CPUs here, so the ratio follows them.
#
# Uses Debian's PostgreSQL (started if it is down), pgbench and wrk, and target/safeguard.jar (build first:
# mvn -DskipTests package). Safeguard runs with demo data off against a fresh database on that cluster;
# its API client is created with `admin create-api-client`, and its rate limit raised for the run.
# Usage: bench/intake.sh [seconds] [connections]
# Options (environment): BENCH_WARMUP_SECONDS (round length, 30), BENCH_WARMUP_MAX_SECONDS (600); BENCH_JFR=1
# records a JFR profile of the measured run; BENCH_ASYNC_PROFILER=/path/to/libasyncProfiler.so records its CPU
# profile (collapsed stacks; the library is in the Maven artifact tools.profiler:async-profiler); BENCH_PG_STATEMENTS=1
# prints the measured run's statements from pg_stat_statements (the cluster must preload it); BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
warmup=${BENCH_WARMUP_SECONDS:-30}          # at least this long, in rounds of this length, ...
warmup_max=${BENCH_WARMUP_MAX_SECONDS:-600}  # ... until the JIT compiler has settled, or this long at most
port=${SAFEGUARD_BENCH_PORT:-18091}
jar=target/safeguard.jar
[ -f "$jar" ] || { echo "Build first: mvn -DskipTests package" >&2; exit 2; }
for tool in wrk pgbench psql pg_ctlcluster; do
  command -v $tool >/dev/null || { echo "Needs $tool from Debian: apt-get install wrk postgresql" >&2; exit 2; }
done
version=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
pg_port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -c "$(printf '%q ' "$@")"; fi; }
psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" "$@"; }

work=$(mktemp -d /tmp/safeguard-intake.XXXXXX)
chmod 755 "$work"
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
}
trap cleanup EXIT

password=bench-$RANDOM$RANDOM
psql_admin -d postgres <<SQL
DROP DATABASE IF EXISTS safeguard_bench;
DROP DATABASE IF EXISTS pgbench_intake;
DROP ROLE IF EXISTS safeguard_bench;
CREATE ROLE safeguard_bench LOGIN PASSWORD '$password';
CREATE DATABASE safeguard_bench OWNER safeguard_bench;
CREATE DATABASE pgbench_intake OWNER safeguard_bench;
SQL
psql_admin -d pgbench_intake <<SQL
SET ROLE safeguard_bench;
CREATE TABLE bench_row (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, k BIGINT NOT NULL,
                        payload BYTEA NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
SQL
echo "machine: $(nproc) CPUs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "synchronous_commit: $(psql_admin -At -d postgres -c 'SHOW synchronous_commit')"

# (a) pgbench: the same PostgreSQL, the same concurrency.
cp bench/intake-pgbench.sql "$work/"
chmod 644 "$work/intake-pgbench.sql"
# pgbench's rate on this machine drifts by tens of percent within minutes (the host's speed moves it, and
# Safeguard's with it), so it runs twice: before Safeguard starts and after it stops. The reference is the mean.
run_pgbench() {
  PGPASSWORD=$password pgbench -n -h localhost -p "$pg_port" -U safeguard_bench -c "$connections" -j 2 \
    -T "$seconds" -M prepared -r -f "$work/intake-pgbench.sql" pgbench_intake >"$work/pgbench-$1.txt" 2>&1 \
    || { cat "$work/pgbench-$1.txt" >&2; exit 1; }
  awk '/^tps = / {print int($3)}' "$work/pgbench-$1.txt"
}
# The whole machine's CPU time (every process: wrk or pgbench, Safeguard, PostgreSQL, the kernel), in
# clock ticks from /proc/stat: "busy total". Printed per row beside the rates, with how busy the CPUs were.
cpu_ticks() { awk '/^cpu / {busy = $2 + $3 + $4 + $7 + $8 + $9; print busy, busy + $5 + $6}' /proc/stat; }
machine_busy() {  # start end -> "<busy ticks> <busy share of the machine, %>"
  awk -v s="$1" -v e="$2" 'BEGIN {split(s, a, " "); split(e, b, " "); busy = b[1] - a[1]; total = b[2] - a[2];
    printf "%d %d", busy, total ? 100 * busy / total : 0}'
}
clock_hz=$(getconf CLK_TCK)
us_per_op() { awk -v t="$1" -v n="$2" -v hz="$clock_hz" 'BEGIN {printf "%d", n ? t / hz / n * 1e6 : 0}'; }  # ticks operations
# CPU ticks used so far by the processes given (every thread; 0 for one that has gone).
proc_ticks() { local t=0 pid; for pid in "$@"; do
  t=$((t + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo $t; }
postgres_pids() { pgrep -u postgres -x postgres || true; }
wal_lsn() { PGPASSWORD=$password psql -X -At -h localhost -p "$pg_port" -U safeguard_bench -d postgres -c 'SELECT pg_current_wal_lsn()'; }
wal_bytes() { PGPASSWORD=$password psql -X -At -h localhost -p "$pg_port" -U safeguard_bench -d postgres \
  -c "SELECT pg_wal_lsn_diff('$2', '$1')::bigint"; }
psql_admin -d postgres -c CHECKPOINT >/dev/null
pgbench_rows() { awk '/^number of transactions actually processed/ {print $NF}' "$work/pgbench-$1.txt" | cut -d/ -f1; }
pg_wal_start=$(wal_lsn)
pg_cpu_start=$(cpu_ticks)
pg_tps_before=$(run_pgbench before)
pg_cpu_end=$(cpu_ticks)
pg_wal_end=$(wal_lsn)
pg_rows=$(pgbench_rows before)
read -r pg_busy_ticks pg_busy <<<"$(machine_busy "$pg_cpu_start" "$pg_cpu_end")"
pg_cpu_us=$(us_per_op "$pg_busy_ticks" "$pg_rows")
pg_wal_per_tx=$(awk -v b="$(wal_bytes "$pg_wal_start" "$pg_wal_end")" -v n="$pg_rows" 'BEGIN {printf "%d", b / n}')
pg_latency=$(awk '/^latency average/ {print $4}' "$work/pgbench-before.txt")
row_bytes=$(PGPASSWORD=$password psql -X -At -h localhost -p "$pg_port" -U safeguard_bench -d pgbench_intake \
  -c 'SELECT avg(pg_column_size(b.*))::int FROM (SELECT * FROM bench_row LIMIT 1000) b')

# (b) Safeguard against a fresh database on the same cluster.
export SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$pg_port/safeguard_bench"
export SPRING_DATASOURCE_USERNAME=safeguard_bench SPRING_DATASOURCE_PASSWORD=$password
export SAFEGUARD_DEMO=false SAFEGUARD_DATA_DIR="$work/data" SERVER_PORT=$port
export SAFEGUARD_INTAKE_API_RATE_PER_SECOND=1000000
java_opts=(${BENCH_JAVA_OPTS:-})
java "${java_opts[@]}" -jar "$jar" >"$work/safeguard.log" 2>&1 &
app_pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health/readiness")" = 200 ]; do
  kill -0 $app_pid 2>/dev/null || { echo "Safeguard exited; see $work/safeguard.log" >&2; exit 1; }
  sleep 0.5
done
key=$(java -jar "$jar" admin create-api-client --name "bench/intake $(date +%s)" 2>"$work/admin.err" | tail -n 1)
[[ "$key" == sgk_* ]] || { echo "admin create-api-client gave no key; see $work/admin.err" >&2; exit 1; }
export SAFEGUARD_BENCH_KEY=$key SAFEGUARD_BENCH_BODY="$PWD/bench/intake-referral.json"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  --data-binary @bench/intake-referral.json "http://localhost:$port/api/v1/referrals")
[ "$code" = 201 ] || { echo "POST /api/v1/referrals answered $code" >&2; exit 1; }

# Warm up until steady state: HotSpot's compilers keep compiling for minutes while wrk, PostgreSQL and
# Safeguard share two CPUs, and a measurement taken meanwhile measures the compiler. Each round runs the
# load for $warmup seconds; warm-up ends once the compiler threads used under 5% of a CPU in a round.
compile_seconds() {
  jcmd "$app_pid" PerfCounter.print 2>/dev/null | awk -F= '/^java.ci.totalTime=/ {t=$2} /^sun.os.hrt.frequency=/ {f=$2}
    END {printf "%.3f", t / f}'
}
warmed=0
while :; do
  compiled_before=$(compile_seconds)
  SAFEGUARD_BENCH_RUN=warmup-$warmed wrk -t2 -c"$connections" -d"${warmup}s" -s bench/intake.lua \
    "http://localhost:$port" >"$work/warmup.txt" 2>&1
  warmed=$((warmed + warmup))
  compiling=$(awk -v a="$compiled_before" -v b="$(compile_seconds)" -v s="$warmup" 'BEGIN {printf "%.3f", (b - a) / s}')
  if awk -v c="$compiling" 'BEGIN {exit !(c < 0.05)}' || [ "$warmed" -ge "$warmup_max" ]; then
    break
  fi
done
echo "warm-up: ${warmed}s of load; JIT compiler threads in the last round: ${compiling} CPUs"
if [ "${BENCH_JFR:-0}" = 1 ]; then
  # Profile the measured run only (not start-up or warm-up).
  jcmd "$app_pid" JFR.start name=bench settings=profile filename="$work/profile.jfr" >/dev/null
fi
if [ -n "${BENCH_ASYNC_PROFILER:-}" ]; then
  jcmd "$app_pid" JVMTI.agent_load "$BENCH_ASYNC_PROFILER" "\"start,event=ctimer,interval=2ms\"" >/dev/null
fi
if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
  # Needs shared_preload_libraries = 'pg_stat_statements' on the cluster (and track = all for the trigger's).
  psql_admin -d safeguard_bench -c 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements' \
    -c 'SELECT pg_stat_statements_reset()' >/dev/null
fi
before=$(PGPASSWORD=$password psql -X -At -h localhost -p "$pg_port" -U safeguard_bench -d safeguard_bench \
  -c 'SELECT count(*) FROM intake_submission')
app_wal_start=$(wal_lsn)
app_cpu_start=$(cpu_ticks)
pg_pids=$(postgres_pids)
jvm_ticks_start=$(proc_ticks "$app_pid"); db_ticks_start=$(proc_ticks $pg_pids)
SAFEGUARD_BENCH_RUN=run-$(date +%s) wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s bench/intake.lua \
  "http://localhost:$port" >"$work/wrk.txt" 2>&1
app_cpu_end=$(cpu_ticks)
jvm_ticks=$(( $(proc_ticks "$app_pid") - jvm_ticks_start )); db_ticks=$(( $(proc_ticks $pg_pids) - db_ticks_start ))
if [ -n "${BENCH_ASYNC_PROFILER:-}" ]; then
  jcmd "$app_pid" JVMTI.agent_load "$BENCH_ASYNC_PROFILER" "\"stop,file=$work/profile.collapsed,collapsed\"" >/dev/null
  echo "async-profiler (collapsed stacks): $work/profile.collapsed"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
app_wal_end=$(wal_lsn)
after=$(PGPASSWORD=$password psql -X -At -h localhost -p "$pg_port" -U safeguard_bench -d safeguard_bench \
  -c 'SELECT count(*) FROM intake_submission')
app_row_bytes=$(PGPASSWORD=$password psql -X -At -h localhost -p "$pg_port" -U safeguard_bench -d safeguard_bench \
  -c 'SELECT avg(pg_column_size(s.*))::int FROM (SELECT * FROM intake_submission LIMIT 1000) s')

if [ "${BENCH_PG_STATEMENTS:-0}" = 1 ]; then
  psql_admin -d safeguard_bench -P pager=off -c "
    SELECT calls, round(total_exec_time::numeric, 0) AS total_ms, round(mean_exec_time::numeric, 3) AS mean_ms,
           rows, toplevel, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS query
    FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
    WHERE d.datname = 'safeguard_bench' ORDER BY total_exec_time DESC LIMIT 25" >"$work/statements.txt"
  echo "PostgreSQL statements of the measured run: $work/statements.txt"
fi
if [ "${BENCH_JFR:-0}" = 1 ]; then
  jcmd "$app_pid" JFR.stop name=bench >/dev/null
  echo "JFR profile: $work/profile.jfr"
fi
kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=
# Safeguard's rows would otherwise be vacuumed and checkpointed during the second pgbench run.
psql_admin -d safeguard_bench -c VACUUM >/dev/null
psql_admin -d postgres -c CHECKPOINT >/dev/null
pg_tps_after=$(run_pgbench after)
pg_tps=$(( (pg_tps_before + pg_tps_after) / 2 ))
result=$(grep '^RESULT' "$work/wrk.txt") || { cat "$work/wrk.txt" >&2; exit 1; }
field() { echo "$result" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
requests=$(field requests); duration=$(field duration_us); p99=$(field p99_us); p50=$(field p50_us)
non2xx=$(field non2xx)
rps=$(awk -v r="$requests" -v d="$duration" 'BEGIN {printf "%d", r / (d / 1e6)}')
stored=$((after - before))
app_wal_per_referral=$(awk -v b="$(wal_bytes "$app_wal_start" "$app_wal_end")" -v n="$stored" 'BEGIN {printf "%d", n ? b / n : 0}')
read -r app_busy_ticks app_busy <<<"$(machine_busy "$app_cpu_start" "$app_cpu_end")"
app_cpu_us=$(us_per_op "$app_busy_ticks" "$stored")
jvm_cpu_us=$(us_per_op "$jvm_ticks" "$stored"); db_cpu_us=$(us_per_op "$db_ticks" "$stored")
ratio=$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN {printf "%.3f", a / b}')
ratio_before=$(awk -v a="$rps" -v b="$pg_tps_before" 'BEGIN {printf "%.3f", a / b}')
ratio_after=$(awk -v a="$rps" -v b="$pg_tps_after" 'BEGIN {printf "%.3f", a / b}')
p99_ms=$(awk -v p="$p99" 'BEGIN {printf "%.1f", p / 1000}')
p50_ms=$(awk -v p="$p50" 'BEGIN {printf "%.1f", p / 1000}')

echo "pgbench single-row INSERT (~${row_bytes} B rows), ${connections} clients, ${seconds}s: ${pg_tps} tps (${pg_tps_before} before Safeguard, ${pg_tps_after} after; latency avg ${pg_latency} ms before; ${pg_wal_per_tx} B of WAL a row)"
echo "Safeguard POST /api/v1/referrals (~${app_row_bytes} B rows), ${connections} connections, ${seconds}s: ${rps} submissions/s, p50 ${p50_ms} ms, p99 ${p99_ms} ms, non-2xx ${non2xx}, rows stored ${stored} for ${requests} requests, ${app_wal_per_referral} B of WAL a referral (relay included)"
echo "machine CPU (everything, kernel included): pgbench ${pg_cpu_us} µs a row with the CPUs ${pg_busy}% busy (its run before Safeguard); Safeguard ${app_cpu_us} µs a referral with the CPUs ${app_busy}% busy (its JVM ${jvm_cpu_us} µs, PostgreSQL's processes ${db_cpu_us} µs, the rest: wrk and the kernel's interrupts)"
echo "ratio: ${ratio} against the mean (${ratio_before} against before, ${ratio_after} against after; target >= 0.25); p99: ${p99_ms} ms (target <= 50); load after: ${load_after}"
[ "$non2xx" = 0 ] || { echo "FAIL: some requests were refused"; exit 1; }
awk -v r="$ratio" -v p="$p99_ms" 'BEGIN {exit !(r >= 0.25 && p <= 50)}' && echo PASS || { echo "BELOW TARGET"; exit 1; }
