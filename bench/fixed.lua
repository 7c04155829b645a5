-- GET one path over and over (argument after --: the path), with the token unless
-- BENCH_NO_TOKEN=1.

dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")

local path

function init(args)
	path = args[1]
	if path == nil then
		error("fixed.lua needs the path as its argument")
	end
end

function request()
	return wrk.format("GET", path)
end
