# FolderPrism — see README.md. `make run` serves the embedded default; `make test` runs every test.
DOTNET ?= dotnet
CONFIG ?= Release
OUT    ?= out
LIBRARY ?= ./library
DATA    ?= ./data
URLS    ?= http://127.0.0.1:5080

.PHONY: restore build run test bench-dav bench-index bench-import bench-views bench-vision clean vision-deps

restore:
	$(DOTNET) restore FolderPrism.sln

# ReadyToRun for this machine's runtime: start-up runs precompiled code instead of JIT-compiling ASP.NET Core, EF Core
# and our assemblies (about half the CPU of a `serve` start). Framework-dependent; publish restores for the RID itself.
build: restore
	$(DOTNET) publish src/FolderPrism.Host/FolderPrism.Host.csproj -c $(CONFIG) -o $(OUT) --use-current-runtime \
	  --self-contained false -p:PublishReadyToRun=true

# Serves with the environment the shipped systemd unit gives the daemon (GC, malloc and JIT memory settings).
run: build
	env $$(sed -n 's/^Environment=//p' systemd/folderprism.service) ./$(OUT)/folderprism serve --library $(LIBRARY) --data $(DATA) --urls $(URLS)

test: restore vision-deps
	$(DOTNET) build FolderPrism.sln -c Debug --no-restore
	rm -rf TestResults
	$(DOTNET) test FolderPrism.sln -c Debug --no-build --logger "console;verbosity=normal" --logger trx --results-directory TestResults; \
	  rc=$$?; ./scripts/test-summary.sh TestResults; exit $$rc

bench-dav: build
	./scripts/bench-dav.sh

bench-index: build
	./scripts/bench-index.sh

bench-vision: build vision-deps
	./scripts/bench-vision.sh

bench-import: build
	./scripts/bench-import.sh

bench-views: build
	./scripts/bench-views.sh

clean:
	rm -rf $(OUT) artifacts
	find src tests -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +

# Node tooling for the vision converter/parity tests: pure-JS tfjs and the pinned model packages (scripts/vision).
vision-deps:
	cd scripts/vision && { [ -d node_modules/@tensorflow/tfjs ] && [ node_modules/.package-lock.json -nt package-lock.json ] || npm ci --ignore-scripts --no-audit --no-fund; }
