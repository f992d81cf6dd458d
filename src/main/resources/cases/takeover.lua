-- Where a chat taken over by staff is relayed, in one round trip: the owner's newest cases (the by-owner index,
-- newest first, at most 20) and the first that is claimed or reopened, held by someone and has a staff topic.
-- Read only; it mirrors OwnerDesk's rule so the dialog pays one round trip per message for it, not two.
-- KEYS: 1 cases:by-owner:<owner>   ARGV: 1 key prefix
-- Returns {topicChannel, topicChat, topicThread, trackingNumber} (empty strings for missing parts), or an empty table.
local p = ARGV[1]
local numbers = redis.call('ZREVRANGE', KEYS[1], 0, 19)
for _, n in ipairs(numbers) do
  local f = redis.call('HMGET', p .. 'case:' .. n, 'state', 'claimedBy', 'topicChat', 'topicThread', 'topicChannel',
    'ownerChannel')
  if (f[1] == 'claimed' or f[1] == 'reopened') and f[2] and f[3] then
    -- [takeover lines] the case's number too, so the entrepreneur's words are kept in its conversation
    return {f[5] or f[6] or 'telegram', f[3], f[4] or '', n}
    -- [/takeover lines]
  end
end
return {}
