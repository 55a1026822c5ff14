MATCH (k:Class {id: $classId})
RETURN k {.id, .alertLowMastery, .alertMinAttempts, .alertInactiveDays} AS rules
