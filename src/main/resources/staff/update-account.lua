-- Changes an account's roles, unit or enabled state, atomically with the rule that at least one enabled
-- admin remains. Only the given parts change ("=" keeps one), so concurrent edits of different parts do not
-- undo each other. Every change ends the account's sessions (generation + 1).
-- KEYS[1] = staff:account:<username>, KEYS[2] = staff:admins (usernames of enabled admins).
-- ARGV[1] = username, ARGV[2] = roles ("A,B") or "=", ARGV[3] = unit ("" for none) or "=",
-- ARGV[4] = "1" disabled, "0" enabled, or "=". Returns 1 done, 0 last admin, -1 no such account.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return -1
end
local current = redis.call('HMGET', KEYS[1], 'roles', 'disabled')
local roles = ARGV[2] == '=' and (current[1] or '') or ARGV[2]
local disabled = ARGV[4] == '=' and (current[2] or '0') or ARGV[4]
local admin = disabled ~= '1' and string.find(',' .. roles .. ',', ',ADMIN,', 1, true) ~= nil
local wasAdmin = redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1
if wasAdmin and not admin and redis.call('SCARD', KEYS[2]) <= 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'roles', roles, 'disabled', disabled)
if ARGV[3] == '' then
  redis.call('HDEL', KEYS[1], 'unit')
elseif ARGV[3] ~= '=' then
  redis.call('HSET', KEYS[1], 'unit', ARGV[3])
end
if admin then
  redis.call('SADD', KEYS[2], ARGV[1])
else
  redis.call('SREM', KEYS[2], ARGV[1])
end
redis.call('HINCRBY', KEYS[1], 'generation', 1)
return 1
