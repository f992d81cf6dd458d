-- Commits one conversation step, all or nothing, only while this instance still holds the lane: the fencing
-- token it got when it took the lane must still be the lane's current one. An instance that paused past its
-- lease (GC, SIGSTOP, a frozen VM) finds a newer token, written by the lane's new owner, and writes nothing.
-- KEYS: 1 the lane's fence counter, 2 the chat's state, 3 the dedupe marker, 4 the lane's inbox, 5 the chat's
--   queued count, 6.. the outbox stream of each reply (the lane of the chat it goes to)
-- ARGV: 1 fencing token, 2 '1' when a new state is given, 3 the state, 4 state TTL s, 5 dedupe TTL s,
--   6 inbox entry id, 7 consumer group, 8.. each reply's JSON, in the order of KEYS 6..
-- Returns 1 when committed, 0 when fenced off, 2 when an earlier entry of the lane is pending: its commit was
--   lost (a failover: replication is asynchronous) and it must be done first, or the chat's order breaks.
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
-- (a lane without its group yet, as in a bench that runs steps directly, has nothing pending)
local read, pending = pcall(redis.call, 'XPENDING', KEYS[4], ARGV[7], '-', ARGV[6], 1)
if read and pending[1] and pending[1][1] ~= ARGV[6] then return 2 end
if ARGV[2] == '1' then
  redis.call('SET', KEYS[2], ARGV[3], 'EX', ARGV[4])
else
  redis.call('EXPIRE', KEYS[2], ARGV[4])
end
for i = 6, #KEYS do
  redis.call('XADD', KEYS[i], '*', 'm', ARGV[i + 2])
end
redis.call('SET', KEYS[3], '1', 'EX', ARGV[5])
redis.call('XACK', KEYS[4], ARGV[7], ARGV[6])
if redis.call('DECR', KEYS[5]) <= 0 then redis.call('DEL', KEYS[5]) end
return 1
