-- Script for wrk, used by bench/saturate.py.
--
-- Every page is sent through this same script, the bare view included, so the
-- load generator does the same work per request whatever the page: the shares
-- compare the portal's cost, not the client's.
--
-- init: the first argument after "--" names a file of paths, one per line; each
-- connection's next request takes the next path (a page measured over many
-- profiles, not one that the caches keep warm).
-- done: one line starting "benchresult", of key=value pairs in integers
-- (latencies in microseconds), which bench/saturate.py reads instead of wrk's
-- human-oriented summary, whose units change with the magnitudes.

local paths = {}
local turn = 0

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    if line ~= "" then
      paths[#paths + 1] = line
    end
  end
  file:close()
  assert(#paths > 0, "no paths in " .. args[1])
end

function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

function done(summary, latency, requests)
  -- Integers whatever the Lua: a float given to %d is an error outside LuaJIT.
  local errors = summary.errors
  io.write(string.format(
    "benchresult requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d"
      .. " p50_us=%d p95_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(95)),
    math.floor(latency:percentile(99)), math.floor(latency.max)
  ))
end
