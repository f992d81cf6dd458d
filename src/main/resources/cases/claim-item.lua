-- Takes a due deadline item: only if it is still due, moves it a lease ahead so no other instance takes it
-- while this one works on it. The item's first due time is kept in a hash, so a retry after a crash has the
-- same identity (the op id that makes its transition happen once).
-- KEYS: 1 deadlines, 2 first due times; ARGV: 1 member, 2 now ms, 3 lease-until ms.
-- Returns the first due time if taken, else false.
local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
if s and tonumber(s) <= tonumber(ARGV[2]) then
  local first = redis.call('HGET', KEYS[2], ARGV[1])
  if not first then
    first = s
    redis.call('HSET', KEYS[2], ARGV[1], s)
  end
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  return first
end
return false
