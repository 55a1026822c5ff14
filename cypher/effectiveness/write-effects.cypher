// Stores each analysed item's effectiveness (a JSON list of bands) and when it was computed.
UNWIND $rows AS r
MATCH (i:Item {id: r.itemId})
SET i.effectiveness = r.effects, i.effectivenessUpdatedAt = datetime()
RETURN count(i) AS items
