// Events by time across learners: the drift windows of dataQuality read only their weeks.
CREATE INDEX event_occurred IF NOT EXISTS FOR (e:Event) ON (e.occurredAt)
