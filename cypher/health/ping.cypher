// Health probe: answers when the database can run a query.
RETURN 1 AS ok
