#!/usr/bin/env bash
# Prints SQL that adds N synthetic, present, fully indexed photos to MediaItems (for start-up and view benchmarks).
set -euo pipefail
N=${1:-100000}
cat <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO MediaItems (Id, RelativePath, State, Size, ModifiedUtc, ContentHash, MimeType, Kind, TakenLocal,
  TakenOffsetMinutes, TakenSource, TakenConfidence, Width, Height, Make, Model, PerceptualHash, ThumbnailState,
  IsDamaged, FirstSeenAt, AnalyzedAt, DerivativesAt)
SELECT
  upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  printf('synthetic/%04d/%02d/IMG_%06d.jpg', 2000 + i % 20, 1 + i % 12, i),
  0, 3000000 + i, '2020-01-01 00:00:00', lower(hex(randomblob(16))), 'image/jpeg', 1,
  printf('%04d-%02d-%02d %02d:%02d:%02d', 2000 + i % 20, 1 + i % 12, 1 + i % 28, i % 24, i % 60, i % 59),
  120, 0, 2, 4000, 3000, 'BenchCam', printf('Model %d', i % 7), abs(random()), 1, 0,
  '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00'
FROM n;
COMMIT;
SQL
