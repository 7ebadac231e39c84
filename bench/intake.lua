-- wrk script for bench/intake.sh: POST /api/v1/referrals with a valid referral, the API key from the
-- environment (SAFEGUARD_BENCH_KEY) and a unique Idempotency-Key per request (thread number and counter).
local threads = {}
-- thread_id is set per thread by setup() (a global in that thread's Lua state); counter is per thread too.
counter = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  local file = io.open(os.getenv("SAFEGUARD_BENCH_BODY"), "r")
  body = file:read("*a")
  file:close()
  prefix = os.getenv("SAFEGUARD_BENCH_RUN") or tostring(os.time())
  headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. os.getenv("SAFEGUARD_BENCH_KEY"),
  }
end

function request()
  counter = counter + 1
  headers["Idempotency-Key"] = prefix .. "-" .. thread_id .. "-" .. counter
  return wrk.format("POST", "/api/v1/referrals", headers, body)
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d "
      .. "connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
