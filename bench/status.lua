-- GET /ekyc/admin/{userId}/<what> for random seeded users (user-0000001 .. user-<users>,
-- every one of them has sessions, so every answer should be 200).
-- Arguments (after --): the number of seeded users, and what to ask for: "status" (the
-- default) or "sessions".

dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local users
local what

function init(args)
	users = tonumber(args[1])
	if users == nil or users < 1 then
		error("status.lua needs the number of seeded users as its argument")
	end
	what = args[2] or "status"
	math.randomseed(os.time() * 1000 + thread_id)
end

function request()
	return wrk.format("GET", string.format("/ekyc/admin/user-%07d/%s", math.random(users), what))
end
