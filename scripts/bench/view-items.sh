#!/usr/bin/env bash
# Prints SQL for the views benchmark: N synthetic, present, indexed photos (like synthetic-items.sh) laid out so that
# 2019-06 holds exactly MONTH_ITEMS of them (the other items spread over 2000-2019, one year ~ N/20), plus the tag
# 'Big' on a random 10% of the items and 50 small tags (a random 1/7); and REAL rows for the REAL_FILES files under Originals/real/ (fixed size
# and mtime, so Originals serves their content-hash ETags from the index like a normally indexed folder); and DUP_GROUPS
# exact-duplicate pairs (two synthetic items sharing a content hash) plus DUP_GROUPS displaced versions held for other
# items (holding files bench/held/<rowid>.jpg under .duplicates/, which the bench script creates).
set -euo pipefail
N=${1:-200000}
MONTH_ITEMS=${2:-1000}
REAL_FILES=${3:-1000}
REAL_SIZE=${4:-4096}
DUP_GROUPS=${5:-500}
cat <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N),
d(i, y, m) AS (
  SELECT i,
    CASE WHEN i <= $MONTH_ITEMS THEN 2019 ELSE 2000 + i % 20 END,
    CASE WHEN i <= $MONTH_ITEMS THEN 6
         WHEN 2000 + i % 20 = 2019 AND 1 + (i / 20) % 12 = 6 THEN 7 ELSE 1 + (i / 20) % 12 END
  FROM n)
INSERT INTO MediaItems (Id, RelativePath, State, Size, ModifiedUtc, ContentHash, MimeType, Kind, TakenLocal,
  TakenOffsetMinutes, TakenSource, TakenConfidence, Width, Height, Make, Model, PerceptualHash, ThumbnailState,
  IsDamaged, FirstSeenAt, AnalyzedAt, DerivativesAt)
SELECT
  upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  printf('synthetic/%04d/%02d/IMG_%06d.jpg', y, m, i),
  0, 3000000 + i, '2020-01-01 00:00:00', lower(hex(randomblob(16))), 'image/jpeg', 1,
  printf('%04d-%02d-%02d %02d:%02d:%02d', y, m, 1 + i % 28, i % 24, i % 60, i % 59),
  120, 0, 2, 4000, 3000, 'BenchCam', printf('Model %d', i % 7), abs(random()), 1, 0,
  '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00'
FROM d;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $REAL_FILES)
INSERT INTO MediaItems (Id, RelativePath, State, Size, ModifiedUtc, ContentHash, MimeType, Kind, TakenLocal,
  TakenOffsetMinutes, TakenSource, TakenConfidence, Width, Height, PerceptualHash, ThumbnailState,
  IsDamaged, FirstSeenAt, AnalyzedAt, DerivativesAt)
SELECT
  upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
  printf('real/IMG_%04d.jpg', i), 0, $REAL_SIZE, '2020-01-01 00:00:00', lower(hex(randomblob(16))), 'image/jpeg', 1,
  printf('2005-03-%02d 10:00:%02d', 1 + i % 28, i % 60), 60, 0, 2, 64, 48, abs(random()), 1, 0,
  '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00', '2020-01-01 00:00:00+00:00'
FROM n;
INSERT INTO Tags (Name, FullPath, ParentId, CreatedAt) VALUES ('Big', 'Big', NULL, '2020-01-01 00:00:00+00:00');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
INSERT INTO Tags (Name, FullPath, ParentId, CreatedAt) SELECT printf('Small %02d', i), printf('Small %02d', i), NULL, '2020-01-01 00:00:00+00:00' FROM n;
INSERT INTO ItemTags (ItemId, TagId, Source, AddedAt)
  SELECT m.Id, (SELECT t.Id FROM Tags t WHERE t.FullPath = 'Big'), 1, '2020-01-01 00:00:00+00:00' FROM MediaItems m WHERE abs(random()) % 10 = 0;
INSERT INTO ItemTags (ItemId, TagId, Source, AddedAt)
  SELECT m.Id, (SELECT t.Id FROM Tags t WHERE t.FullPath = printf('Small %02d', 1 + m.rowid % 50)), 1, '2020-01-01 00:00:00+00:00'
  FROM MediaItems m WHERE abs(random()) % 7 = 0;
UPDATE MediaItems SET ContentHash = (SELECT p.ContentHash FROM MediaItems p WHERE p.rowid = MediaItems.rowid - 1)
  WHERE rowid > $MONTH_ITEMS AND rowid <= $N AND rowid % (($N - $MONTH_ITEMS) / $DUP_GROUPS) = 1;
INSERT INTO DisplacedVersions (KeptItemId, HoldingPath, OriginalSource, ContentHash, Size, Width, Height, MimeType, Distance, DisplacedAt)
  SELECT Id, printf('bench/held/%d.jpg', rowid), printf('/media/card/IMG_%06d.jpg', rowid), lower(hex(randomblob(16))), 1000, 640, 480,
    'image/jpeg', 4, '2020-01-01 00:00:00+00:00'
  FROM MediaItems WHERE rowid > $MONTH_ITEMS AND rowid <= $N AND rowid % (($N - $MONTH_ITEMS) / $DUP_GROUPS) = 7;
COMMIT;
SQL
