// Rejections per day received, source and code (dataQuality.drift).
CREATE CONSTRAINT rejection_day_key IF NOT EXISTS FOR (d:RejectionDay) REQUIRE d.key IS UNIQUE;
CREATE INDEX rejection_day_day IF NOT EXISTS FOR (d:RejectionDay) ON (d.day)
