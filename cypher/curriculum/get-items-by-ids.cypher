UNWIND $ids AS id
MATCH (i:Item {id: id})
RETURN i {.*} AS item
