-- wrk script for bench/run: counts answers other than 200 (wrk itself accepts any 2xx and 3xx, but a
-- 302 to the login page is a failed authentication here). With BENCH_BODY set it sends a form POST.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non200 = 0
  local body = os.getenv("BENCH_BODY")
  if body and body ~= "" then
    wrk.method = "POST"
    wrk.body = body
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("non200")
  end
  io.write(string.format("non200 %d\n", total))
end
