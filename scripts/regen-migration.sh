#!/usr/bin/env bash
# Regenerates the single InitialCreate migration from the current model.
# Nothing has shipped yet, so the schema is one migration; once a release ships, add migrations instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/FolderPrism.Data/Migrations
dotnet ef migrations add InitialCreate --project src/FolderPrism.Data --startup-project src/FolderPrism.Data --output-dir Migrations
rm -f src/FolderPrism.Data/design-time.db*
