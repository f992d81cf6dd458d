-- A login attempt succeeded: it was not a failure after all. The account starts afresh. The IP gets back the
-- attempt it was charged and may try again at once; its earlier failures stay counted, so its next failure
-- brings back a wait at least as long as before.
-- KEYS[1] = the client IP's record, KEYS[2] = the account's record.
redis.call('DEL', KEYS[2])
local fails = tonumber(redis.call('HGET', KEYS[1], 'fails') or '0')
if fails > 0 then
  redis.call('HSET', KEYS[1], 'fails', fails - 1, 'until', 0)
end
return 0
