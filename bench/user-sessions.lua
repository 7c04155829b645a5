-- GET /ekyc/admin/{userId}/sessions for random seeded users (user-0000001 .. user-<users>).
-- Argument (after --): the number of seeded users.

dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local users

function init(args)
	users = tonumber(args[1])
	if users == nil or users < 1 then
		error("user-sessions.lua needs the number of seeded users as its argument")
	end
	math.randomseed(os.time() * 1000 + thread_id)
end

function request()
	return wrk.format("GET", string.format("/ekyc/admin/user-%07d/sessions", math.random(users)))
end
