#!/usr/bin/env bash
# Requests per second for public pages served by Safeguard, against nginx serving the very same HTML
# as static files, measured in the same run with the same wrk settings (target: Safeguard >= 25%).
# Safeguard runs from target/safeguard.jar on a fresh data directory with its demo data (embedded
# PostgreSQL), nginx from Debian; wrk from Debian drives both. Both are measured without compression
# (wrk sends no Accept-Encoding), after a warm-up of Safeguard's JIT.
# Usage: bench/pages.sh [seconds-per-run] [connections]   (build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-32}
paths=(/ /help/tower-hamlets /signs)
app_port=${SAFEGUARD_BENCH_PORT:-18081}
nginx_port=$((app_port + 1))
jar=target/safeguard.jar
[ -f "$jar" ] || { echo "Build first: mvn -DskipTests package" >&2; exit 2; }
for tool in wrk nginx; do
  command -v $tool >/dev/null || PATH=$PATH:/usr/sbin command -v $tool >/dev/null || {
    echo "Needs $tool from Debian: apt-get install wrk nginx-light" >&2; exit 2; }
done
PATH=$PATH:/usr/sbin
work=$(mktemp -d /tmp/safeguard-pages.XXXXXX)
mkdir -p "$work/www" "$work/logs"
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

SAFEGUARD_DATA_DIR="$work/data" SERVER_PORT=$app_port java -jar "$jar" >"$work/safeguard.log" 2>&1 &
app_pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$app_port/actuator/health/readiness")" = 200 ]; do
  kill -0 $app_pid 2>/dev/null || { echo "Safeguard exited; see $work/safeguard.log" >&2; exit 1; }
  sleep 0.5
done

# The same bytes for nginx to serve: each page as Safeguard renders it.
for path in "${paths[@]}"; do
  name=$(echo "$path" | tr '/' '_'); name=${name:-_}
  code=$(curl -s -o "$work/www/page$name.html" -w '%{http_code}' "http://localhost:$app_port$path")
  [ "$code" = 200 ] || { echo "$path answered $code" >&2; exit 1; }
done
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
CONF
nginx -c "$work/nginx.conf" -p "$work"

rps() {
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '/Requests\/sec/ {print $2}'
}

echo "Warming up Safeguard..."
for path in "${paths[@]}"; do wrk -t2 -c"$connections" -d10s "http://localhost:$app_port$path" >/dev/null; done

printf '%-22s %14s %14s %8s\n' "page" "nginx req/s" "Safeguard req/s" "ratio"
worst=1000
for path in "${paths[@]}"; do
  name=$(echo "$path" | tr '/' '_'); name=${name:-_}
  static=$(rps "http://127.0.0.1:$nginx_port/page$name.html")
  app=$(rps "http://localhost:$app_port$path")
  ratio=$(echo "scale=3; $app / $static" | bc)
  printf '%-22s %14.0f %14.0f %7.1f%%\n' "$path" "$static" "$app" "$(echo "$ratio * 100" | bc)"
  worst=$(echo "if ($ratio < $worst) $ratio else $worst" | bc)
done
echo "($(nproc) CPUs, wrk -t2 -c$connections -d${seconds}s; target: each ratio >= 25%)"
if [ "$(echo "$worst >= 0.25" | bc)" = 1 ]; then echo "PASS"; else echo "FAIL: below 25%"; exit 1; fi
