-- wrk script for bench/flood: password grants for random user names (the attacker of issue 14), counting
-- the answers by status: 400 (checked: invalid_grant), 503 (refused by the hashing bulkhead), other.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  checked, busy, other = 0, 0, 0
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
end

function request()
  local name = string.format("flood-%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
  return wrk.format("POST", "/auth/token", { ["Content-Type"] = "application/x-www-form-urlencoded" },
    "grant_type=password&username=" .. name .. "&password=not-the-password-at-all")
end

function response(status, headers, body)
  if status == 400 then checked = checked + 1 elseif status == 503 then busy = busy + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local c, b, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("checked"); b = b + thread:get("busy"); o = o + thread:get("other")
  end
  io.write(string.format("flood checked %d busy %d other %d\n", c, b, o))
end
