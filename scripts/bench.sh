#!/usr/bin/env bash
# npm run bench: installs what is missing, then runs the store benchmark (encrypted vs plain) and the sync
# benchmark (pull and push against an embedded hub on loopback) against a private keychain.
# Store options: --rows N. Sync sizes: BENCH_PULL_ROWS (default 100000), BENCH_PUSH (default 10000); BENCH_SEAT
# (director, the default, or operator: a narrower scope).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
scripts/with-keychain.sh node --import tsx scripts/bench.ts "$@"
exec scripts/with-keychain.sh node --import tsx scripts/bench-sync.ts
