#!/usr/bin/env bash
# Measures how long `java -jar target/safeguard.jar` takes to become ready (readiness probe 200):
# once on an empty data directory (first start: unpack PostgreSQL, initdb, migrations, reference
# data, demo data) and then on restarts with the data kept; the last run is killed with SIGKILL
# and the next start must recover with the data intact.
# With --cds it measures the same restarts from the extracted jar with a class-data-sharing archive
# (Spring Boot's recommended production launch), as the reference to compare against.
# Usage: bench/startup.sh [--cds] [restarts]   (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
cds=false
if [ "${1:-}" = "--cds" ]; then cds=true; shift; fi
restarts=${1:-3}
port=${SERVER_PORT:-18080}
data=$(mktemp -d /tmp/safeguard-startup.XXXXXX)
jar=target/safeguard.jar
[ -f "$jar" ] || { echo "Build first: mvn -DskipTests package" >&2; exit 2; }
launch=(java -jar "$jar")
if $cds; then
  java -Djarmode=tools -jar "$jar" extract --destination "$data/app" >/dev/null
  SAFEGUARD_DATA_DIR="$data" SERVER_PORT=$port java -XX:ArchiveClassesAtExit="$data/app.jsa" \
    -Dspring.context.exit=onRefresh -jar "$data/app/safeguard.jar" >"$data/training.log" 2>&1 || true
  launch=(java -XX:SharedArchiveFile="$data/app.jsa" -jar "$data/app/safeguard.jar")
fi

start() {
  local began pid
  began=$(date +%s.%N)
  SAFEGUARD_DATA_DIR="$data" SERVER_PORT=$port "${launch[@]}" >"$data/run.log" 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health/readiness")" = 200 ]; do
    kill -0 $pid 2>/dev/null || { echo "Safeguard exited; see $data/run.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "$1: ready in $(echo "$(date +%s.%N) - $began" | bc | xargs printf '%.1f') s"
  LAST_PID=$pid
}

if $cds; then start "first start after the CDS training run"; else start "first start (empty data directory)"; fi
kill $LAST_PID; wait $LAST_PID || true
for i in $(seq 1 "$restarts"); do
  start "restart $i"
  kill $LAST_PID; wait $LAST_PID || true
done
start "before kill -9"
kill -9 $LAST_PID; wait $LAST_PID 2>/dev/null || true
start "after kill -9 (orphaned PostgreSQL recovered)"
boroughs=$(curl -s "http://localhost:$port/" >/dev/null && psql -h localhost -p "$(sed -n 4p "$data/postgres/postmaster.pid")" -U postgres -d safeguard -tAc 'SELECT count(*) FROM geography_borough' 2>/dev/null || echo "?")
echo "data after kill -9: $boroughs boroughs"
kill $LAST_PID; wait $LAST_PID || true
rm -rf "$data"
