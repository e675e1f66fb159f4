#!/usr/bin/env bash
# npm start: installs what is missing, creates (or reopens) the demo profile in .demo/, and opens
# Backdesk: Electron where its binary is installed and a display exists, otherwise the browser host.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

PROFILE=.demo/profile

keychain_reachable() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
    node --import tsx --input-type=module -e "import { systemKeychain } from './main/core/security/keychain.ts'; await systemKeychain().get('backdesk', 'probe');" >/dev/null 2>&1
}

if [ -z "${BACKDESK_IN_KEYRING:-}" ] && ! keychain_reachable; then
  echo "backdesk: no Secret Service (OS keychain) is running on this machine."
  echo "backdesk: starting a private GNOME Keyring for the DEMO profile only (its files: .demo/keyring)."
  echo "backdesk: a real profile never does this; it needs the desktop's own keychain."
  export KEYRING_HOME="$PWD/.demo/keyring" KEYRING_PASSWORD=backdesk-demo-only
  exec scripts/with-keychain.sh bash "$0" "$@"
fi

node bin/backdesk.mjs demo --data-dir "$PROFILE"

electron_binary=""
if [ -f node_modules/electron/path.txt ] && [ -e "node_modules/electron/dist/$(cat node_modules/electron/path.txt)" ]; then
  electron_binary="node_modules/electron/dist/$(cat node_modules/electron/path.txt)"
fi
if [ -n "$electron_binary" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]; }; then
  echo "backdesk: opening the Electron app"
  npx tsc -p tsconfig.build.json
  BACKDESK_PROFILE_DIR="$PROFILE" exec "$electron_binary" .
fi
echo "backdesk: no Electron binary here; running the browser host instead."
exec node bin/backdesk.mjs serve --data-dir "$PROFILE" --port "${PORT:-4780}"
