#!/usr/bin/env bash
# Regenerates the EF Core compiled model (src/FolderPrism.Data/CompiledModels) from the current model. Run it after
# every model change (scripts/add-migration.sh does); MigrationTests fails while the compiled model is stale.
# Why a compiled model: without it, every start builds the model by reflection, and the first tracked MediaItem
# JIT-compiles EF Core's change-tracking snapshot for its 42 columns (a 4 KB-IL dynamic method, optimised at once);
# --nativeaot makes the snapshots, getters and setters plain C#, precompiled with the rest (ReadyToRun).
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/FolderPrism.Data/CompiledModels
dotnet tool restore >/dev/null
rm -rf "$out"
dotnet ef dbcontext optimize --project src/FolderPrism.Data --startup-project src/FolderPrism.Data \
  --output-dir CompiledModels --namespace FolderPrism.Data.CompiledModels --nativeaot
rm -f src/FolderPrism.Data/design-time.db*
# EF Core 10's generator names its snapshot lambdas' parameter `source`, which does not compile in an entity that has a
# property called Source (ItemTag, AlbumItem, Face): the parameter would shadow that property's local. Rename it there.
for f in $(grep -l 'var source = runtimeEntityType\.' "$out"/*.cs); do
  perl -pi -e 's/\bIInternalEntry source\)/IInternalEntry internalEntry)/g; s/\bsource\.(Entity|GetCurrentValue)\b/internalEntry.$1/g' "$f"
done
