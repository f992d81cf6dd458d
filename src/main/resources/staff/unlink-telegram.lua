-- Removes an account's Telegram link. KEYS[1] = staff:account:<username>; ARGV[1] = username, ARGV[2] = prefix.
-- Returns 1 when a link was removed, 0 when there was none.
local old = redis.call('HGET', KEYS[1], 'telegram')
if not old or old == '' then
  return 0
end
local tg = ARGV[2] .. 'staff:tg:' .. old
if redis.call('GET', tg) == ARGV[1] then
  redis.call('DEL', tg)
end
redis.call('HDEL', KEYS[1], 'telegram')
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return 1
