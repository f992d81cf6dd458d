-- Anonymises one ended case whose retention period is over, atomically: every field that is not a statistic
-- (name, phone, company, credit code, description, attachments, transcript, resolution, comments and any field
-- added later) is removed, the submission index is dropped, and the event log keeps its shape (type, who, when,
-- states) without its free text. What figures need stays: state, dates, unit, category, district, rating. The
-- owner's channel and chat id stay so that the owner can still ask /status on the number. Idempotent; a case no
-- longer due (reopened, or closed again later) is left alone.
-- ARGV: 1 key prefix, 2 tracking number, 3 cut-off (ms: ended at or before it), 4 now (ms)
-- Returns: anonymised, not-due, not-ended, already
local p, t = ARGV[1], ARGV[2]
local ck = p .. 'case:' .. t
local ended = p .. 'cases:ended'
local at = redis.call('ZSCORE', ended, t)
if not at or tonumber(at) > tonumber(ARGV[3]) then return 'not-due' end
local state = redis.call('HGET', ck, 'state')
if state ~= 'closed' and state ~= 'declined' then
  redis.call('ZREM', ended, t)
  return 'not-ended'
end
redis.call('ZREM', ended, t)
if redis.call('HEXISTS', ck, 'anonymisedAt') == 1 then return 'already' end
local keep = {}
for _, f in ipairs({'tracking', 'state', 'kind', 'category', 'unit', 'location', 'confidential', 'language',
    'ownerChannel', 'ownerChat', 'ownerThread', 'openedAt', 'claimDue', 'replyDue', 'due', 'repliedAt',
    'claimedBy', 'claimedByName', 'supervised', 'rating', 'declineRoute', 'topicChannel', 'topicChat',
    'topicThread', 'card'}) do keep[f] = true end
-- [reports counters] the facts later measures need
for _, f in ipairs({'claimFrom', 'reopenedAt', 'replyDueFirst'}) do keep[f] = true end
-- [/reports counters]
local submission = redis.call('HGET', ck, 'submissionId')
if submission then redis.call('DEL', p .. 'case:by-submission:' .. submission) end
for _, f in ipairs(redis.call('HKEYS', ck)) do
  if not keep[f] then redis.call('HDEL', ck, f) end
end
redis.call('HSET', ck, 'anonymisedAt', ARGV[4])
local keepEvent = {type = true, who = true, whoName = true, at = true, from = true, to = true}
-- [reports counters] what an event counted (no personal data) stays, so the counters can be rebuilt
keepEvent.rep = true
-- [/reports counters]
local ek = ck .. ':events'
local entries = redis.call('XRANGE', ek, '-', '+')
redis.call('DEL', ek)
for _, e in ipairs(entries) do
  local kv = e[2]
  for i = 1, #kv, 2 do
    if not keepEvent[kv[i]] then kv[i + 1] = '' end
  end
  redis.call('XADD', ek, e[1], unpack(kv))
end
return 'anonymised'
