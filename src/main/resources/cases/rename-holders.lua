-- F21: holders recorded under an id that is no longer used (a linked account's "tg:<telegram id>") take the
-- account's own id, on every open case. Idempotent: run at each start, it finds nothing the second time.
-- ARGV: 1 key prefix, 2 JSON object {former id: new id}. Returns how many cases were renamed.
local p = ARGV[1]
local names = cjson.decode(ARGV[2])
local n = 0
for _, t in ipairs(redis.call('ZRANGE', p .. 'cases:open', 0, -1)) do
  local ck = p .. 'case:' .. t
  local c = redis.call('HGET', ck, 'claimedBy')
  if c and names[c] then
    redis.call('HSET', ck, 'claimedBy', names[c])
    n = n + 1
  end
end
return n
