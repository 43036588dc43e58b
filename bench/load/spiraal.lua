-- A coach workload for wrk (issue 10). SPIRAAL_LOAD_MODE picks one kind of
-- request, or "mixed": 70 % reads (caseload page 15, dossier 25, timeline
-- 15, score tables 15), 25 % writes (contacts 15, score tables 5, goal
-- actions 5) and 5 % coordinator dashboards. Tokens and ids come from the
-- environment and from the file bench/load/prepare.mjs writes.
-- Usage: see bench/run-load.sh.
local data = dofile(os.getenv("SPIRAAL_LOAD_DATA"))
local mode = os.getenv("SPIRAAL_LOAD_MODE") or "mixed"
local coach = "Bearer " .. os.getenv("SPIRAAL_COACH_TOKEN")
local coordinator = "Bearer " .. os.getenv("SPIRAAL_COORDINATOR_TOKEN")
local today = os.date("!%Y-%m-%d")
local serial = 0

local function pick(list) return list[math.random(#list)] end
local function get(path, token) return wrk.format("GET", path, { ["Authorization"] = token or coach }) end
local function post(path, body)
  return wrk.format("POST", path, { ["Authorization"] = coach, ["Content-Type"] = "application/json" }, body)
end

local kinds = {
  caseload = function() return get("/caseload") end,
  dossier = function() return get("/api/v1/jobseekers/" .. pick(data.ids)) end,
  timeline = function() return get("/api/v1/jobseekers/" .. pick(data.ids) .. "/contacts?limit=20") end,
  scores = function() return get("/api/v1/jobseekers/" .. pick(data.ids) .. "/score-tables") end,
  contact = function()
    serial = serial + 1
    return post("/api/v1/jobseekers/" .. pick(data.ids) .. "/contacts",
      '{"date":"' .. today .. '","kind":"phone","status":"held","initiative":"coach","note":"load ' .. serial .. '"}')
  end,
  score = function()
    return post("/api/v1/jobseekers/" .. pick(data.ids) .. "/score-tables",
      '{"taken_on":"' .. today .. '","scorer":"coach","scores":' .. data.scores .. '}')
  end,
  action = function()
    local g = pick(data.goals)
    serial = serial + 1
    return post("/api/v1/jobseekers/" .. g[1] .. "/goals/" .. g[2] .. "/actions",
      '{"text":"load ' .. serial .. '","owner":"jobseeker","due_on":"' .. today .. '"}')
  end,
  dashboard = function() return get("/api/v1/dashboard", coordinator) end,
}

-- Cumulative weights of the mixed workload, per cent.
local mix = {
  { 15, "caseload" }, { 40, "dossier" }, { 55, "timeline" }, { 70, "scores" },
  { 85, "contact" }, { 90, "score" }, { 95, "action" }, { 100, "dashboard" },
}

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  if #data.goals == 0 then kinds.action = kinds.contact end
  if not kinds[mode] and mode ~= "mixed" then error("unknown SPIRAAL_LOAD_MODE " .. mode) end
end

function request()
  if mode ~= "mixed" then return kinds[mode]() end
  local r = math.random(100)
  for _, w in ipairs(mix) do
    if r <= w[1] then return kinds[w[2]]() end
  end
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT mode=%s requests=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    mode, summary.requests, summary.requests / s, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
