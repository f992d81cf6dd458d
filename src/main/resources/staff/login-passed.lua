-- A login attempt succeeded: it was not a failure after all. The account starts afresh; the IP gets back the
-- one attempt it was charged (its other failures stay, so a valid account cannot be used to reset them).
-- KEYS[1] = the client IP's record, KEYS[2] = the account's record.
redis.call('DEL', KEYS[2])
local fails = tonumber(redis.call('HGET', KEYS[1], 'fails') or '0')
if fails > 0 then
  redis.call('HSET', KEYS[1], 'fails', fails - 1)
end
return 0
