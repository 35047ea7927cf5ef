-- Script for wrk, used by the submission phase of bench/desk.py: the ask form
-- POSTed over and over, as bench/wrk.lua sends pages, so that the client costs
-- a few microseconds per enquiry rather than the milliseconds of a Python one.
--
-- init: the arguments after "--" are the CSRF token (the cookie the benchmark
-- read from the form page, sent back as cookie and field), then a file holding
-- the form's other fields, URL-encoded, where "{n}" stands for the request's
-- number: each enquiry has a subject and an email address of its own. Each
-- request asks for a connection of its own, as the reverse proxy opens them.
-- response: counts answers other than 302, the redirect to the confirmation.
-- done: the "benchresult" line of wrk.lua, with not_redirected=<count> added.

local template = ""
local token = ""
local sent = 0
local threads = {}
not_redirected = 0

function setup(thread)
  thread:set("number", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  token = args[1]
  local file = assert(io.open(args[2], "r"))
  template = file:read("*a"):gsub("%s+$", "")
  file:close()
  assert(template:find("{n}", 1, true), "no {n} in " .. args[2])
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  wrk.headers["Cookie"] = "csrftoken=" .. token
  wrk.headers["Connection"] = "close"
end

function request()
  sent = sent + 1
  local n = tostring(number * 10000000 + sent)
  local body = template:gsub("{n}", n) .. "&csrfmiddlewaretoken=" .. token
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 302 then
    not_redirected = not_redirected + 1
  end
end

function done(summary, latency, requests)
  local refused = 0
  for _, thread in ipairs(threads) do
    refused = refused + thread:get("not_redirected")
  end
  local errors = summary.errors
  io.write(string.format(
    "benchresult requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d"
      .. " p50_us=%d p95_us=%d p99_us=%d max_us=%d not_redirected=%d\n",
    summary.requests, summary.duration,
    errors.connect, errors.read, errors.write, errors.status, errors.timeout,
    math.floor(latency:percentile(50)), math.floor(latency:percentile(95)),
    math.floor(latency:percentile(99)), math.floor(latency.max), refused
  ))
end
