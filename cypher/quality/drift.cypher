// Drift windows: the events with occurredAt in [$from, $to), per source and window (`recent` from
// $split on, `baseline` before), counted per bin of each feature. Bins are counted the way
// src/domain/quality/drift.ts bins (bin = number of lower bounds <= value), with its bounds as
// parameters. Index range seeks on Event(occurredAt): the cost follows the windows' events.
CALL () {
  MATCH (e:Event)
  WHERE e.occurredAt >= datetime({epochMillis: toInteger($from)}) AND e.occurredAt < datetime({epochMillis: toInteger($to)})
  WITH e, coalesce(e.source, 'platform') AS source
  WHERE $sources IS NULL OR source IN $sources
  WITH e, source, CASE WHEN e.occurredAt >= datetime({epochMillis: toInteger($split)}) THEN 'recent' ELSE 'baseline' END AS window,
    e.kind <> 'CONTENT_VIEW' AS graded,
    CASE WHEN e.receivedAt IS NULL THEN 0 ELSE e.receivedAt.epochMillis - e.occurredAt.epochMillis END AS delayMs
  WITH source, window, e.kind AS kind,
    CASE WHEN NOT graded THEN -1 WHEN e.score <= 0 THEN 0 WHEN e.score >= 1 THEN 2 ELSE 1 END AS scoreBin,
    CASE WHEN NOT graded THEN -1 WHEN e.durationMs IS NULL THEN 0 ELSE 1 + size([b IN $durationBounds WHERE e.durationMs >= b]) END AS durationBin,
    CASE WHEN NOT graded THEN -1 WHEN e.hintsUsed IS NULL THEN 0 WHEN e.hintsUsed >= 3 THEN 4 ELSE e.hintsUsed + 1 END AS hintsBin,
    size([b IN $delayBounds WHERE delayMs >= b]) AS delayBin,
    CASE WHEN graded THEN e.score END AS score, CASE WHEN graded THEN e.predicted END AS predicted
  WITH source, window, kind, scoreBin, durationBin, hintsBin, delayBin,
    count(*) AS n, sum(score) AS scoreSum, sum(predicted) AS predictedSum, count(predicted) AS predictedN, sum(CASE WHEN predicted IS NULL THEN 0 ELSE score END) AS scoreWithPredictedSum
  RETURN collect({source: source, window: window, kind: kind, scoreBin: scoreBin, durationBin: durationBin, hintsBin: hintsBin, delayBin: delayBin,
    n: n, scoreSum: scoreSum, predictedSum: predictedSum, predictedN: predictedN, scoreWithPredictedSum: scoreWithPredictedSum}) AS cells
}
CALL () {
  MATCH (e:Event)
  WHERE e.occurredAt >= datetime({epochMillis: toInteger($from)}) AND e.occurredAt < datetime({epochMillis: toInteger($to)}) AND e.kind <> 'CONTENT_VIEW'
  WITH e, coalesce(e.source, 'platform') AS source
  WHERE $sources IS NULL OR source IN $sources
  WITH source, CASE WHEN e.occurredAt >= datetime({epochMillis: toInteger($split)}) THEN 'recent' ELSE 'baseline' END AS window, e.learnerId AS learner, count(*) AS answers
  WITH source, window, size([b IN $countBounds WHERE answers >= b]) AS bin, count(*) AS learners
  RETURN collect({source: source, window: window, bin: bin, learners: learners}) AS learners
}
RETURN cells, learners
