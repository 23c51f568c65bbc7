-- wrk script: "a doctor updates the consultation". Each request is one doctor's action on an open
-- consultation (the note as typed and a symptom picked), answered with the whole consultation view
-- (note reading, differential, tests, medication check, preventive care). Each consultation's updates
-- alternate between two versions (the doctor types a sentence and picks a symptom, then removes them),
-- so that every update changes the note and the evidences of that consultation: the view's engines
-- cannot answer from the consultation's previous request (the worst case for the per-consultation
-- memo; a doctor's real updates often leave the differential's inputs alone).
--
-- Environment:
--   BENCH_IDS       comma-separated consultation ids; each wrk thread takes its own share of them
--   BENCH_COOKIE, BENCH_CSRF   the session
--   BENCH_THINK_MS  a doctor's mean pause between receiving a view and sending the next update
--                   (0: no pause, every connection sends as fast as it can: the saturation point)
--   BENCH_ARRIVALS  "random" (default) or "lockstep":
--     random    each pause is drawn from an exponential distribution with mean BENCH_THINK_MS, so
--               doctors act independently (updates of 50 doctors arrive as a Poisson-like stream, not
--               together); each connection's first request is a cheap GET /q/health/live and its
--               first pause is uniform in [0, 2 x BENCH_THINK_MS), so that the doctors also start at
--               independent moments. Those start-up GETs (one per connection, answered in about a
--               millisecond) are among wrk's latencies; bin/bench-consult prints how many.
--     lockstep  every pause is exactly BENCH_THINK_MS and every connection starts at once: wrk then
--               releases the connections together, a burst of all doctors at the same instant
--               (the mode of the figures recorded before the random arrivals existed).
--   BENCH_UPDATES   "alternate" (default) or "note":
--     alternate  as above: every update changes the note and an evidence, every engine but the
--                medication check and preventive care runs again (the worst case)
--     note       the doctor goes on typing: each update sets the note with one more sentence that
--                names no finding ("Revisado N."), so the note reader runs again but the
--                differential's inputs, and so the differential and the tests, stay the same
--   BENCH_SEED      seed of the pauses (default 16); each thread draws from its own generator seeded
--                   with BENCH_SEED and its index, so two runs with the same seed draw the same pauses.
--   BENCH_THREADS   wrk's thread count (-t), BENCH_CONNECTIONS wrk's connection count (-c).
-- wrk has no per-connection state in its scripts: the pauses are drawn per thread, one per request,
-- independent draws whichever connection they fall to.

local all = {}
for id in string.gmatch(os.getenv("BENCH_IDS"), "[^,]+") do all[#all + 1] = id end
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0") or 0
local arrivals = os.getenv("BENCH_ARRIVALS") or "random"
if arrivals ~= "random" and arrivals ~= "lockstep" then
  error("BENCH_ARRIVALS must be random or lockstep, found " .. arrivals)
end
local updates = os.getenv("BENCH_UPDATES") or "alternate"
if updates ~= "alternate" and updates ~= "note" then
  error("BENCH_UPDATES must be alternate or note, found " .. updates)
end
local threads = tonumber(os.getenv("BENCH_THREADS") or "1") or 1
local connections = tonumber(os.getenv("BENCH_CONNECTIONS") or "1") or 1

-- setup() runs in wrk's main script for each thread: it numbers the threads.
local created = 0
function setup(thread)
  thread:set("index", created)
  created = created + 1
end

local ids = {}
local version = {}
local next = 0
local sent = 0
local paused = 0
local perThread = math.floor(connections / threads)
-- wrk calls request() once on its first thread to check the script before connecting
local checked = 0

function init(args)
  local me = index or 0
  for i, id in ipairs(all) do
    if (i - 1) % threads == me then ids[#ids + 1] = id end
  end
  if #ids == 0 then ids = all end
  if me == 0 then checked = 1 end
  math.randomseed((tonumber(os.getenv("BENCH_SEED") or "16") or 16) * 1000 + me)
  for _ = 1, 10 do math.random() end
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.headers["X-CSRF-Token"] = os.getenv("BENCH_CSRF")
local note = "Mujer de 67 años con tos productiva y fiebre de tres días. Niega disnea. Toma Sintrom."
local bodies = {
  '{"language":"es","commands":[{"type":"set-note","text":"' .. note .. ' Refiere dolor de garganta."},' ..
    '{"type":"add-evidence","code":"E_91","present":true}]}',
  '{"language":"es","commands":[{"type":"set-note","text":"' .. note .. '"},' ..
    '{"type":"remove-evidence","code":"E_91"}]}'
}

request = function()
  sent = sent + 1
  if arrivals == "random" and think > 0 and sent <= perThread + checked then
    -- a connection's first request: the doctor has not started yet (see BENCH_ARRIVALS)
    return wrk.format("GET", "/q/health/live", {["Accept"] = "application/json"}, nil)
  end
  next = next % #ids + 1
  local id = ids[next]
  if updates == "note" then
    version[id] = (version[id] or 0) + 1
    return wrk.format(nil, "/api/v1/consultations/" .. id .. "/commands", nil,
      '{"language":"es","commands":[{"type":"set-note","text":"' .. note .. ' Revisado ' .. version[id] .. '."}]}')
  end
  version[id] = (version[id] or 0) % 2 + 1
  return wrk.format(nil, "/api/v1/consultations/" .. id .. "/commands", nil, bodies[version[id]])
end

if think > 0 then
  -- wrk waits this long (milliseconds) after a connection's answer before its next request
  delay = function()
    if arrivals == "lockstep" then
      return think
    end
    paused = paused + 1
    if paused <= perThread then
      return math.floor(math.random() * 2 * think)
    end
    return math.floor(-think * math.log(1 - math.random()))
  end
end
-- wrk itself reports non-2xx answers ("Non-2xx or 3xx responses").
