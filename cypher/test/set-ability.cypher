// Test fixture: puts the learners under a prefix at one ability (so in one ability band).
MATCH (l:Learner) WHERE l.id STARTS WITH $prefix
SET l.ability = $ability, l.rev = randomUUID()
RETURN count(l) AS learners
