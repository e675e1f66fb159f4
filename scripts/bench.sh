#!/usr/bin/env bash
# npm run bench: installs what is missing, then runs the store benchmark (encrypted vs plain) and the sync
# benchmark (pull and push against an embedded hub on loopback) against a private keychain, and what marking comments
# at intake costs a website post (BENCH_INTAKE_POSTS, default 2000).
# Store options: --rows N. Sync sizes: BENCH_PULL_ROWS (default 100000), BENCH_PUSH (default 10000); BENCH_SEAT
# (director, the default, or operator: a narrower scope).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
scripts/with-keychain.sh node --import tsx scripts/bench.ts "$@"
scripts/with-keychain.sh node --import tsx scripts/bench-sync.ts
exec node --import tsx scripts/bench-intake.ts --posts "${BENCH_INTAKE_POSTS:-2000}"
