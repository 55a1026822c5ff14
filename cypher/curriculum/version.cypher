// The curriculum's version: one indexed node read (a server's freshness probe).
OPTIONAL MATCH (v:CurriculumVersion {id: 'curriculum'})
RETURN coalesce(v.n, 0) AS version
