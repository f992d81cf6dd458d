-- Links a Telegram user to one account, atomically: an id already linked to another account is refused.
-- KEYS[1] = staff:tg:<id>, KEYS[2] = staff:account:<username>; ARGV[1] = username, ARGV[2] = telegram id,
-- ARGV[3] = the key prefix. Returns 1 when linked, 0 when the id belongs to someone else, -1 no such account.
if redis.call('EXISTS', KEYS[2]) == 0 then
  return -1
end
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
  return 0
end
local old = redis.call('HGET', KEYS[2], 'telegram')
if old and old ~= '' and old ~= ARGV[2] then
  redis.call('DEL', ARGV[3] .. 'staff:tg:' .. old)
end
redis.call('HSET', KEYS[2], 'telegram', ARGV[2])
redis.call('HINCRBY', KEYS[2], 'generation', 1)
redis.call('SET', KEYS[1], ARGV[1])
return 1
