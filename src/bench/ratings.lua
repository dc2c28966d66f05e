-- wrk script for the ratings rows: POSTs a JSON rating to one page (BENCH_RATING_SLUG), or to a
-- page picked at random from a file of slugs, one per line (BENCH_RATING_SLUGS_FILE). No request
-- carries a reader cookie, so the site issues a new signed reader for each one: every request is a
-- distinct reader.
local slug = os.getenv("BENCH_RATING_SLUG") or "gentle-yoga-for-back-pain"
local slugs = {}
local slugs_file = os.getenv("BENCH_RATING_SLUGS_FILE")
if slugs_file then
  for line in io.lines(slugs_file) do
    if line ~= "" then table.insert(slugs, line) end
  end
end
wrk.method = "POST"
wrk.path = "/api/v1/pages/" .. slug .. "/ratings"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  sent = 0
  created = 0
  other = 0
end

function request()
  sent = sent + 1
  local path = nil
  if #slugs > 0 then
    path = "/api/v1/pages/" .. slugs[math.random(#slugs)] .. "/ratings"
  end
  return wrk.format(nil, path, nil, '{"stars":' .. (sent % 5 + 1) .. '}')
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local s, c, o = 0, 0, 0
  for _, t in ipairs(threads) do
    s = s + t:get("sent")
    c = c + t:get("created")
    o = o + t:get("other")
  end
  io.write(string.format("BENCH sent=%d created=%d other=%d\n", s, c, o))
end
