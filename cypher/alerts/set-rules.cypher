MATCH (k:Class {id: $classId})
SET k.alertLowMastery = $lowMastery, k.alertMinAttempts = $minAttempts, k.alertInactiveDays = $inactiveDays,
    k.alertRulesUpdatedAt = datetime()
RETURN k {.id, .alertLowMastery, .alertMinAttempts, .alertInactiveDays} AS rules
