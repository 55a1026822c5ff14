MATCH (l:Learner {id: $id})
RETURN l.timeZone AS timeZone, l.dailyTargetKind AS dailyTargetKind, l.dailyTargetValue AS dailyTargetValue, l.weeklyTarget AS weeklyTarget
