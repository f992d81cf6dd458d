-- Trims a lane's stream (inbox or outbox) of entries older than the retention period, but never an entry that a
-- consumer group has not acknowledged: the cut is at most the oldest pending entry of every group, and at most
-- just past the last entry delivered to it (later entries were never read). Atomic, so an entry added or read
-- meanwhile cannot slip under the cut. A stream without a group is left alone: nothing in it is known to be done.
-- KEYS: 1 the stream. ARGV: 1 the cut by age, as a stream id "<ms>-<seq>" (entries below it are old enough)
-- Returns {entries removed, the oldest pending id when it held the cut back below ARGV[1], else ''}.
if redis.call('EXISTS', KEYS[1]) == 0 then return {0, ''} end
local function parse(id)
  local ms, seq = string.match(id, '^(%d+)-(%d+)$')
  return tonumber(ms), tonumber(seq)
end
local function below(a, b)
  local am, as = parse(a)
  local bm, bs = parse(b)
  return am < bm or (am == bm and as < bs)
end
local cut = ARGV[1]
local held = ''
local groups = redis.call('XINFO', 'GROUPS', KEYS[1])
if #groups == 0 then return {0, ''} end
for _, g in ipairs(groups) do
  local info = {}
  for i = 1, #g, 2 do info[g[i]] = g[i + 1] end
  local bound
  if tonumber(info['pending']) > 0 then
    bound = redis.call('XPENDING', KEYS[1], info['name'])[2]
    if below(bound, ARGV[1]) and (held == '' or below(bound, held)) then held = bound end
  else
    local ms, seq = parse(info['last-delivered-id'])
    bound = ms .. '-' .. (seq + 1)
  end
  if below(bound, cut) then cut = bound end
end
return {redis.call('XTRIM', KEYS[1], 'MINID', cut), held}
