-- wrk script for the ratings row: POSTs a JSON rating to one page. No request carries a reader
-- cookie, so the site issues a new signed reader for each one: every request is a distinct reader.
local slug = os.getenv("BENCH_RATING_SLUG") or "gentle-yoga-for-back-pain"
wrk.method = "POST"
wrk.path = "/api/v1/pages/" .. slug .. "/ratings"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  created = 0
  other = 0
end

function request()
  sent = sent + 1
  return wrk.format(nil, nil, nil, '{"stars":' .. (sent % 5 + 1) .. '}')
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
