#!/usr/bin/env bash
# npm test: installs what is missing, then runs every suite under a private keychain and prints one
# closing line `N passed, N failed, N skipped`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
exec scripts/with-postgres.sh scripts/with-keychain.sh node scripts/run-tests.mjs "$@"
