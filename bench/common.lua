-- Shared by the wrk scripts (loaded with dofile): the bearer token,
-- a per-thread number, a count of the HTTP status codes answered, and a machine-readable
-- summary line ("BENCH key=value ...") that latency.sh parses.

-- BENCH_NO_TOKEN=1 sends none (health).
local token = os.getenv("BENCH_TOKEN")
if os.getenv("BENCH_NO_TOKEN") ~= "1" then
	if token == nil or token == "" then
		error("BENCH_TOKEN is not set")
	end
	wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.headers["Accept"] = "application/json"

-- Main Lua state: remember the threads so done() can read their counts.
local threads = {}
local started = 0

function setup(thread)
	started = started + 1
	thread:set("thread_id", started)
	table.insert(threads, thread)
end

-- Thread Lua states: one count per status code.
statuses = {}

function response(status, headers, body)
	statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
	local totals = {}
	local codes = {}
	for _, thread in ipairs(threads) do
		for code, n in pairs(thread:get("statuses")) do
			if totals[code] == nil then
				table.insert(codes, code)
			end
			totals[code] = (totals[code] or 0) + n
		end
	end
	table.sort(codes)
	local parts = {}
	local ok = 0
	for _, code in ipairs(codes) do
		table.insert(parts, code .. ":" .. totals[code])
		if code >= 200 and code < 300 then
			ok = ok + totals[code]
		end
	end
	local e = summary.errors
	io.write(string.format(
		"BENCH requests=%d ok2xx=%d non2xx=%d socket_errors=%d duration_us=%d rps=%.1f "
			.. "p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f statuses=%s\n",
		summary.requests, ok, e.status, e.connect + e.read + e.write + e.timeout, summary.duration,
		summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(90),
		latency:percentile(99), latency.max, latency.mean,
		(#parts > 0) and table.concat(parts, ",") or "none"))
end
