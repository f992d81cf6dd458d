-- One login attempt, decided before any password is checked, atomically for every instance.
-- KEYS[1] = the client IP's record, KEYS[2] = the account's record; each a hash {fails, until}.
-- ARGV: now (ms), free attempts, base backoff (ms), longest backoff (ms), how long a record is kept (ms).
-- Returns 0 when the attempt may go ahead (and charges it to both records as a failure until it succeeds),
-- otherwise the milliseconds to wait.
local now, free, base, longest, keep =
    tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])

local function read(key)
  local v = redis.call('HMGET', key, 'fails', 'until')
  return tonumber(v[1]) or 0, tonumber(v[2]) or 0
end

local ipFails, ipUntil = read(KEYS[1])
local accountFails, accountUntil = read(KEYS[2])
if ipUntil > now then
  return ipUntil - now
end
-- An IP without recent failures may try even while the account backs off, so nobody can lock an account
-- (the last admin included) from somewhere else: each such IP gets one guess before its own record counts.
if accountUntil > now and ipFails > 0 then
  return accountUntil - now
end

local function charge(key, fails)
  fails = fails + 1
  local wait = 0
  if fails >= free then
    wait = now + math.min(longest, base * 2 ^ (fails - free))
  end
  redis.call('HSET', key, 'fails', fails, 'until', wait)
  redis.call('PEXPIRE', key, keep)
end
charge(KEYS[1], ipFails)
charge(KEYS[2], accountFails)
return 0
