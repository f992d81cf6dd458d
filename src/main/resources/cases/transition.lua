-- One change to a case, atomically: checks the state it may start from (and who holds the case), applies the
-- state, fields, indexes and deadline items, and appends the event. Keys are derived from the prefix, so this
-- needs a single Redis (not a cluster), which is what Teahouse runs on.
-- ARGV: 1 key prefix, 2 tracking number, 3 the change as JSON (see CaseChange)
-- Returns {outcome, state before, holder's name}; outcome: ok, unknown, refused, not-holder, repeated
local p, t = ARGV[1], ARGV[2]
local a = cjson.decode(ARGV[3])
local ck = p .. 'case:' .. t
local state = redis.call('HGET', ck, 'state')
if not state then return {'unknown', '', ''} end
local holder = redis.call('HGET', ck, 'claimedByName') or ''
-- an anonymised case is history: it has no description or contact left to work with
if redis.call('HEXISTS', ck, 'anonymisedAt') == 1 then return {'refused', state, holder} end
-- holderOnly: the caller must hold the case now; someone else holding it, or nobody (re-routed or returned
-- meanwhile), is 'not-holder', checked first so callers say "only the holder or a supervisor may"
local claimedBy = redis.call('HGET', ck, 'claimedBy')
if a.holderOnly == '1' and (claimedBy ~= a.holder or a.holder == '') then return {'not-holder', state, holder} end
local allowed = false
for _, s in ipairs(a.from) do if s == '*' or s == state then allowed = true end end
if not allowed then return {'refused', state, holder} end
if a.holder and a.holder ~= '' and claimedBy and claimedBy ~= '' and claimedBy ~= a.holder then
  return {'refused', state, holder}
end
-- [merge] a merge (并单) names the case it joins or leaves: that one must exist, not be this case, be in one of
-- the states given and (when given) of the same category; checked before anything is written
local mg = a.merge
if mg and mg.into then
  if mg.into == t then return {'refused', state, holder} end
  local ik = p .. 'case:' .. mg.into
  local istate = redis.call('HGET', ik, 'state')
  if not istate or redis.call('HEXISTS', ik, 'anonymisedAt') == 1 then return {'refused', state, holder} end
  local fits = false
  for _, s in ipairs(mg.intoFrom) do if s == istate then fits = true end end
  if not fits then return {'refused', state, holder} end
  if mg.category ~= '' and redis.call('HGET', ik, 'category') ~= mg.category then return {'refused', state, holder} end
end
-- [/merge]
if a.op and a.op ~= '' then
  if not redis.call('SET', p .. 'case-op:' .. a.op, '1', 'NX', 'EX', 172800) then return {'repeated', state, holder} end
end
local to = a.to
if to == nil or to == '' then to = state end
if to ~= state then
  redis.call('SREM', p .. 'cases:by-state:' .. state, t)
  redis.call('SADD', p .. 'cases:by-state:' .. to, t)
  redis.call('HSET', ck, 'state', to)
  -- cases:ended (score: when it ended) is what the retention sweep anonymises from, once the period is over
  if to == 'closed' or to == 'declined' then redis.call('ZADD', p .. 'cases:ended', a.event.at, t)
  else redis.call('ZREM', p .. 'cases:ended', t) end
end
local oldUnit = redis.call('HGET', ck, 'unit')
local oldCategory = redis.call('HGET', ck, 'category')
if a.set.unit then
  local old = oldUnit
  if old then redis.call('SREM', p .. 'cases:by-unit:' .. old, t) end
  redis.call('SADD', p .. 'cases:by-unit:' .. a.set.unit, t)
end
for k, v in pairs(a.set) do redis.call('HSET', ck, k, v) end
for _, k in ipairs(a.del) do redis.call('HDEL', ck, k) end
for _, k in ipairs(a.dlRemove) do
  redis.call('ZREM', p .. 'cases:deadlines', t .. '|' .. k)
  redis.call('HDEL', p .. 'cases:deadlines:first', t .. '|' .. k)
end
for k, v in pairs(a.dlAdd) do
  redis.call('ZADD', p .. 'cases:deadlines', v, t .. '|' .. k)
  redis.call('HDEL', p .. 'cases:deadlines:first', t .. '|' .. k)
end
if a.open == '-' then redis.call('ZREM', p .. 'cases:open', t)
elseif a.open and a.open ~= '' then redis.call('ZADD', p .. 'cases:open', a.open, t) end
-- The views of the open queue follow cases:open: cases:open:unit:<u> and cases:open:category:<c> (same score),
-- and cases:due (score: the current deadline, field due). Re-derived from the stored case whenever a change
-- touches the queue, the unit, the category or the deadline.
local touches = (a.open and a.open ~= '') or a.set.unit or a.set.category or a.set.due
for _, k in ipairs(a.del) do if k == 'unit' or k == 'category' or k == 'due' then touches = true end end
if touches then
  local unit = redis.call('HGET', ck, 'unit')
  local category = redis.call('HGET', ck, 'category')
  if oldUnit and oldUnit ~= unit then redis.call('ZREM', p .. 'cases:open:unit:' .. oldUnit, t) end
  if oldCategory and oldCategory ~= category then redis.call('ZREM', p .. 'cases:open:category:' .. oldCategory, t) end
  local score = redis.call('ZSCORE', p .. 'cases:open', t)
  local due = redis.call('HGET', ck, 'due')
  if score then
    if unit then redis.call('ZADD', p .. 'cases:open:unit:' .. unit, score, t) end
    if category then redis.call('ZADD', p .. 'cases:open:category:' .. category, score, t) end
    if due and due ~= '' then redis.call('ZADD', p .. 'cases:due', due, t) else redis.call('ZREM', p .. 'cases:due', t) end
  else
    if unit then redis.call('ZREM', p .. 'cases:open:unit:' .. unit, t) end
    if category then redis.call('ZREM', p .. 'cases:open:category:' .. category, t) end
    redis.call('ZREM', p .. 'cases:due', t)
  end
end
if a.supervised == '1' then redis.call('SADD', p .. 'cases:supervised', t)
elseif a.supervised == '0' then redis.call('SREM', p .. 'cases:supervised', t) end
-- [reports now] issue 11: the views the queue's "now" figures are counted from without reading cases (see
-- QueueNow), re-derived from the stored case like the views above: cases:opened[:unit:<u>] (open cases by
-- opening time), cases:due:unit:<u> (by current deadline), cases:supervised:open[:unit:<u>] (under supervision)
if touches or (a.supervised and a.supervised ~= '') then
  local u = redis.call('HGET', ck, 'unit')
  if oldUnit and oldUnit ~= u then
    redis.call('ZREM', p .. 'cases:opened:unit:' .. oldUnit, t)
    redis.call('ZREM', p .. 'cases:due:unit:' .. oldUnit, t)
    redis.call('SREM', p .. 'cases:supervised:open:unit:' .. oldUnit, t)
  end
  local isOpen = redis.call('ZSCORE', p .. 'cases:open', t)
  local openedAt = redis.call('ZSCORE', p .. 'cases:all', t)
  local due = redis.call('HGET', ck, 'due')
  local sup = isOpen and redis.call('SISMEMBER', p .. 'cases:supervised', t) == 1
  if isOpen and openedAt then redis.call('ZADD', p .. 'cases:opened', openedAt, t)
  else redis.call('ZREM', p .. 'cases:opened', t) end
  if sup then redis.call('SADD', p .. 'cases:supervised:open', t)
  else redis.call('SREM', p .. 'cases:supervised:open', t) end
  if u then
    if isOpen and openedAt then redis.call('ZADD', p .. 'cases:opened:unit:' .. u, openedAt, t)
    else redis.call('ZREM', p .. 'cases:opened:unit:' .. u, t) end
    if isOpen and due and due ~= '' then redis.call('ZADD', p .. 'cases:due:unit:' .. u, due, t)
    else redis.call('ZREM', p .. 'cases:due:unit:' .. u, t) end
    if sup then redis.call('SADD', p .. 'cases:supervised:open:unit:' .. u, t)
    else redis.call('SREM', p .. 'cases:supervised:open:unit:' .. u, t) end
  end
end
-- [/reports now]
-- [reports counters] issue 11: what CaseTally measured for this change (a.rep) is added to the day's counters
-- and kept in the event, from which the counters can be rebuilt. Layout: see CounterKeys.java.
local repFields = {}
if a.rep and a.rep.day then
  local r = a.rep
  local dk = p .. 'reports:day:' .. r.day
  local mk = p .. 'reports:month:' .. string.sub(r.day, 1, 7) -- the month's rollup: the same fields, summed
  for _, m in ipairs(r.inc) do
    for _, d in ipairs(r.dims) do
      redis.call('HINCRBY', dk, m .. '|' .. d, 1)
      redis.call('HINCRBY', mk, m .. '|' .. d, 1)
    end
    redis.call('ZADD', p .. 'reports:cases:' .. r.day .. ':' .. m, 0, r.unit .. '|' .. t)
  end
  for k, b in pairs(r.hist) do
    for _, d in ipairs(r.dims) do
      redis.call('HINCRBY', dk, 'h:' .. k .. ':' .. b .. '|' .. d, 1)
      redis.call('HINCRBY', mk, 'h:' .. k .. ':' .. b .. '|' .. d, 1)
    end
  end
  redis.call('SADD', p .. 'reports:days', r.day)
  repFields = {'rep', cjson.encode(r)}
end
-- [/reports counters]
-- [merge] the group of the target (case:<A>:merged), its event log, and the candidate pair, which is settled
if mg and mg.into then
  local pair = t < mg.into and (t .. '|' .. mg.into) or (mg.into .. '|' .. t)
  if mg.join == '1' then
    redis.call('SADD', p .. 'case:' .. mg.into .. ':merged', t)
    redis.call('ZREM', p .. 'cases:similar:pairs', pair)
  else
    redis.call('SREM', p .. 'case:' .. mg.into .. ':merged', t)
  end
  local is = redis.call('HGET', p .. 'case:' .. mg.into, 'state')
  redis.call('XADD', p .. 'case:' .. mg.into .. ':events', '*', 'type', mg.type, 'who', a.event.who,
    'whoName', a.event.whoName, 'at', a.event.at, 'from', is, 'to', is, 'note', t)
end
-- [/merge]
local e = a.event
redis.call('XADD', ck .. ':events', '*', 'type', e.type, 'who', e.who, 'whoName', e.whoName, 'at', e.at,
  'from', state, 'to', to, 'note', e.note, unpack(repFields))
-- [notices outbox]
-- What people are told about this change (a.notice: the events as JSON, see CaseNotices) goes to the notices
-- stream in the same script, so it exists if and only if the case changed; a consumer group delivers it.
if a.notice and a.notice ~= '' then
  redis.call('XADD', p .. 'cases:notices', '*', 'case', t, 'events', a.notice)
end
-- [/notices outbox]
return {'ok', state, redis.call('HGET', ck, 'claimedByName') or ''}
