-- Changes an account's roles, unit or enabled state, atomically with the rule that at least one enabled
-- admin remains. Every change ends the account's sessions (generation + 1).
-- KEYS[1] = staff:account:<username>, KEYS[2] = staff:admins (usernames of enabled admins).
-- ARGV[1] = username, ARGV[2] = roles ("A,B"), ARGV[3] = unit ("" for none), ARGV[4] = "1" disabled / "0",
-- ARGV[5] = "1" when the new state is an enabled admin. Returns 1 done, 0 last admin, -1 no such account.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
local wasAdmin = redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1
if wasAdmin and ARGV[5] ~= '1' and redis.call('SCARD', KEYS[2]) <= 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'roles', ARGV[2], 'disabled', ARGV[4])
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], 'unit')
else
  redis.call('HSET', KEYS[1], 'unit', ARGV[3])
end
if ARGV[5] == '1' then
  redis.call('SADD', KEYS[2], ARGV[1])
else
  redis.call('SREM', KEYS[2], ARGV[1])
end
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return 1
