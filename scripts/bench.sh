#!/usr/bin/env bash
# npm run bench: installs what is missing, then runs the benchmark against a private keychain.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
exec scripts/with-keychain.sh node --import tsx scripts/bench.ts "$@"
