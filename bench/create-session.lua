-- POST /ekyc/admin/{userId}/sessions with a user id never used before, so that every
-- request really creates a session (a user with an active session would get 409).
-- Argument (after --): a tag that makes this run's user ids unique, e.g. "warm" or "run".
-- User ids: bench-<tag>-t<thread>-<n>.

dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = "{}"

local tag
local n = 0

function init(args)
	tag = args[1] or "run"
end

function request()
	n = n + 1
	return wrk.format(nil, string.format("/ekyc/admin/bench-%s-t%d-%d/sessions", tag, thread_id, n))
end
