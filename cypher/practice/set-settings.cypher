// The learner's practice settings; a null leaves the stored value, $clearWeekly removes the weekly target.
MATCH (l:Learner {id: $learnerId})
SET l.timeZone = coalesce($timeZone, l.timeZone),
    l.dailyTargetKind = coalesce($dailyTargetKind, l.dailyTargetKind),
    l.dailyTargetValue = coalesce($dailyTargetValue, l.dailyTargetValue),
    l.weeklyTarget = CASE WHEN $clearWeekly THEN null ELSE coalesce($weeklyTarget, l.weeklyTarget) END,
    l.practiceSettingsUpdatedAt = datetime()
RETURN l.id AS id
