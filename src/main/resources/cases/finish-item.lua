-- Removes a finished deadline item, unless it was rescheduled meanwhile (its score is no longer our lease).
-- KEYS: 1 deadlines, 2 first due times; ARGV: 1 member, 2 lease-until ms
local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
if s and tonumber(s) == tonumber(ARGV[2]) then
  redis.call('HDEL', KEYS[2], ARGV[1])
  return redis.call('ZREM', KEYS[1], ARGV[1])
end
return 0
