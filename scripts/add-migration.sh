#!/usr/bin/env bash
# Adds an EF Core migration for the current model: scripts/add-migration.sh <Name>.
# The schema has shipped (InitialCreate landed), so model changes are new migrations, never a regenerated InitialCreate:
# an existing library database must upgrade in place.
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh <MigrationName>}"
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" --project src/FolderPrism.Data --startup-project src/FolderPrism.Data --output-dir Migrations
rm -f src/FolderPrism.Data/design-time.db*
# The compiled model must follow the model (MigrationTests checks it).
./scripts/optimize-model.sh
