-- Builds the views of the open queue for cases stored before they existed (once per deployment, a page at a
-- time): for each case still on cases:open, its entries in cases:open:unit:<u>, cases:open:category:<c> and
-- cases:due, from the stored case. Idempotent; transition.lua and open.lua keep the views up to date after.
-- ARGV: 1 key prefix, 2.. tracking numbers
local p = ARGV[1]
for i = 2, #ARGV do
  local t = ARGV[i]
  local score = redis.call('ZSCORE', p .. 'cases:open', t)
  if score then
    local h = redis.call('HMGET', p .. 'case:' .. t, 'unit', 'category', 'due')
    if h[1] then redis.call('ZADD', p .. 'cases:open:unit:' .. h[1], score, t) end
    if h[2] then redis.call('ZADD', p .. 'cases:open:category:' .. h[2], score, t) end
    if h[3] and h[3] ~= '' then redis.call('ZADD', p .. 'cases:due', h[3], t) end
    -- [reports now] issue 11: the views of the "now" figures (as in transition.lua)
    local openedAt = redis.call('ZSCORE', p .. 'cases:all', t)
    local sup = redis.call('SISMEMBER', p .. 'cases:supervised', t) == 1
    if openedAt then redis.call('ZADD', p .. 'cases:opened', openedAt, t) end
    if sup then redis.call('SADD', p .. 'cases:supervised:open', t) end
    if h[1] then
      if openedAt then redis.call('ZADD', p .. 'cases:opened:unit:' .. h[1], openedAt, t) end
      if h[3] and h[3] ~= '' then redis.call('ZADD', p .. 'cases:due:unit:' .. h[1], h[3], t) end
      if sup then redis.call('SADD', p .. 'cases:supervised:open:unit:' .. h[1], t) end
    end
    -- [/reports now]
  end
end
return #ARGV - 1
