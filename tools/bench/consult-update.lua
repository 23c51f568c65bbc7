-- wrk script: "a doctor updates the consultation". Each request is one doctor's action on their own
-- open consultation (the note as typed and a symptom picked), answered with the whole consultation
-- view (note reading, differential, tests, medication check, preventive care). Each consultation's
-- updates alternate between two versions (the doctor types a sentence and picks a symptom, then
-- removes them), so that every update changes the note and the evidences: the view's engines cannot
-- answer from a previous identical request.
-- Environment: BENCH_IDS (comma-separated consultation ids), BENCH_COOKIE, BENCH_CSRF, and BENCH_THINK_MS
-- (optional): a doctor's pause between two updates (0: none, every connection sends as fast as it can).
local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS"), "[^,]+") do ids[#ids + 1] = id end
local next = 0

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
local sent = 0

request = function()
  next = next % #ids + 1
  sent = sent + 1
  local version = math.floor((sent - 1) / #ids) % 2 + 1
  return wrk.format(nil, "/api/v1/consultations/" .. ids[next] .. "/commands", nil, bodies[version])
end
local think = tonumber(os.getenv("BENCH_THINK_MS") or "0") or 0
if think > 0 then
  -- wrk waits this long (milliseconds) before each request of a connection: one doctor's pace
  delay = function()
    return think
  end
end
-- wrk itself reports non-2xx answers ("Non-2xx or 3xx responses").
