// Experiments (docs/experiments.md): definitions, one decision per (experiment, learner), exposures.
CREATE CONSTRAINT experiment_id IF NOT EXISTS FOR (x:Experiment) REQUIRE x.id IS UNIQUE;
CREATE INDEX experiment_status IF NOT EXISTS FOR (x:Experiment) ON (x.status);
CREATE CONSTRAINT experiment_assignment_key IF NOT EXISTS FOR (a:Assignment) REQUIRE a.key IS UNIQUE;
CREATE INDEX experiment_assignment_experiment IF NOT EXISTS FOR (a:Assignment) ON (a.experimentId);
CREATE INDEX experiment_exposure IF NOT EXISTS FOR (x:Exposure) ON (x.experimentId, x.learnerId)
