// Events were indexed by kind; no hot query reads that index (the data-quality summary counts
// every event once), and every ingested event paid for it: measured about 6 % of bulk ingestion
// throughput. Dropped.
DROP INDEX event_kind IF EXISTS
