// The curriculum version counter every curriculum write bumps (cypher/curriculum/bump-version.cypher).
MATCH (v:CurriculumVersion {id: 'curriculum'})
RETURN v.n AS n
