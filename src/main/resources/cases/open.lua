-- Opens a case once per submission, atomically: the record, its indexes, the first event and the dispatch
-- work item are written together or not at all. A second call with the same submission returns the first
-- case's number and writes nothing.
-- KEYS: 1 by-submission, 2 case hash, 3 events, 4 by-state:new, 5 by-unit, 6 by-owner, 7 open, 8 deadlines, 9 all,
--   10 open:unit:<unit>, 11 open:category:<category>, 12 due (open cases by their current deadline)
-- ARGV: 1 tracking, 2 opened ms, 3 reply due ms, 4 fields (JSON object of strings), 5 reports rep (JSON), 6 key prefix
local existing = redis.call('GET', KEYS[1])
if existing then return existing end
local f = cjson.decode(ARGV[4])
local flat = {}
for k, v in pairs(f) do flat[#flat + 1] = k; flat[#flat + 1] = v end
redis.call('HSET', KEYS[2], unpack(flat))
redis.call('SET', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[1])
redis.call('SADD', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[6], ARGV[2], ARGV[1])
redis.call('ZADD', KEYS[7], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[10], ARGV[3], ARGV[1])
redis.call('ZADD', KEYS[11], ARGV[3], ARGV[1])
if f.due and f.due ~= '' then redis.call('ZADD', KEYS[12], f.due, ARGV[1]) end
redis.call('ZADD', KEYS[8], ARGV[2], ARGV[1] .. '|dispatch')
redis.call('ZADD', KEYS[9], ARGV[2], ARGV[1])
-- [reports now] issue 11: the views the queue's "now" figures are counted from without reading cases (see
-- QueueNow): cases:opened[:unit:<u>] open cases by opening time, cases:due:unit:<u> by current deadline
if ARGV[6] then
  local u = f.unit
  redis.call('ZADD', ARGV[6] .. 'cases:opened', ARGV[2], ARGV[1])
  if u and u ~= '' then
    redis.call('ZADD', ARGV[6] .. 'cases:opened:unit:' .. u, ARGV[2], ARGV[1])
    if f.due and f.due ~= '' then redis.call('ZADD', ARGV[6] .. 'cases:due:unit:' .. u, f.due, ARGV[1]) end
  end
end
-- [/reports now]
-- [reports counters] issue 11: the opening counts on its day (see transition.lua and CounterKeys.java)
local repFields = {}
if ARGV[5] and ARGV[6] then
  local r, p = cjson.decode(ARGV[5]), ARGV[6]
  local dk = p .. 'reports:day:' .. r.day
  local mk = p .. 'reports:month:' .. string.sub(r.day, 1, 7)
  for _, m in ipairs(r.inc) do
    for _, d in ipairs(r.dims) do
      redis.call('HINCRBY', dk, m .. '|' .. d, 1)
      redis.call('HINCRBY', mk, m .. '|' .. d, 1)
    end
    redis.call('ZADD', p .. 'reports:cases:' .. r.day .. ':' .. m, 0, r.unit .. '|' .. ARGV[1])
  end
  redis.call('SADD', p .. 'reports:days', r.day)
  repFields = {'rep', ARGV[5]}
end
-- [/reports counters]
redis.call('XADD', KEYS[3], '*', 'type', 'open', 'who', 'owner', 'whoName', '', 'at', ARGV[2], 'from', '',
  'to', 'new', 'note', '', unpack(repFields))
return ARGV[1]
