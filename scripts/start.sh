#!/usr/bin/env bash
# npm start: installs what is missing, then runs the whole Backdesk loop on this machine:
#   an embedded hub on 127.0.0.1:4790 (PGlite in .demo/hub),
#   a website simulator posting complaints, questions and comments to the hub's intake API,
#   the demo desk (.demo/profile), enrolled with the hub and syncing every 5 seconds,
# and opens the desk: Electron where its binary is installed and a display exists, otherwise the
# browser host on 127.0.0.1:4780.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh

DEMO=.demo
PROFILE=$DEMO/profile
HUB_DIR=$DEMO/hub
HUB_PORT=${HUB_PORT:-4790}
HUB_URL=http://127.0.0.1:$HUB_PORT

keychain_reachable() {
  [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] &&
    node --import tsx --input-type=module -e "import { systemKeychain } from './main/core/security/keychain.ts'; await systemKeychain().get('backdesk', 'probe');" >/dev/null 2>&1
}

if [ -z "${BACKDESK_IN_KEYRING:-}" ] && ! keychain_reachable; then
  echo "backdesk: no Secret Service (OS keychain) is running on this machine."
  echo "backdesk: starting a private GNOME Keyring for the DEMO profile only (its files: $DEMO/keyring)."
  echo "backdesk: a real profile never does this; it needs the desktop's own keychain."
  export KEYRING_HOME="$PWD/$DEMO/keyring" KEYRING_PASSWORD=backdesk-demo-only
  exec scripts/with-keychain.sh bash "$0" "$@"
fi

mkdir -p "$DEMO"
hub() { node bin/backdesk-hub.mjs "$@" --data-dir "$HUB_DIR"; }
# Secrets the CLIs print indented on a line of their own.
printed() { grep -E '^  [A-Za-z0-9_-]{16,}$|^  [A-Z0-9]{4}(-[A-Z0-9]{4}){3}$' | tail -n 1 | tr -d ' '; }

first_run=0
if [ ! -f "$DEMO/website-key" ]; then
  first_run=1
  echo "backdesk: setting up the demo hub in $HUB_DIR"
  (umask 077; hub website-key --name "demo website" | printed > "$DEMO/website-key")
fi
if [ ! -f "$PROFILE/backdesk.db" ]; then
  node bin/backdesk.mjs demo --data-dir "$PROFILE" --complaints 0 --customers 0
fi
# The embedded hub's data folder is held by one process at a time: codes are made before it starts.
code=""
[ -f "$DEMO/enrolled" ] || code=$(hub enroll | printed)

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

echo "backdesk: starting the hub on $HUB_URL (replies are queued; set SMTP_URL to have them sent; log: $DEMO/hub.log)"
node bin/backdesk-hub.mjs serve --data-dir "$HUB_DIR" --port "$HUB_PORT" > "$DEMO/hub.log" 2>&1 &
pids+=($!)
node -e "
  const until = Date.now() + 60000;
  (async function wait() {
    try { if ((await fetch('$HUB_URL/health')).ok) return; } catch {}
    if (Date.now() > until) { console.error('backdesk: the hub did not start; see $DEMO/hub.log'); process.exit(1); }
    setTimeout(wait, 300);
  })();"

if [ -n "$code" ]; then
  node bin/backdesk.mjs enroll --data-dir "$PROFILE" --hub-url "$HUB_URL" --name "Demo desk" <<<"$code"
  touch "$DEMO/enrolled"
fi

initial=0
[ "$first_run" = 1 ] && initial=${DEMO_COMPLAINTS:-5000}
echo "backdesk: the website simulator posts $initial demo submissions, then one every 8 seconds (log: $DEMO/website.log)"
node --import tsx scripts/website-simulator.ts --hub "$HUB_URL" --key-file "$DEMO/website-key" --cursor-file "$DEMO/website-feed-cursor" --initial "$initial" > "$DEMO/website.log" 2>&1 &
pids+=($!)

electron_binary=""
if [ -f node_modules/electron/path.txt ] && [ -e "node_modules/electron/dist/$(cat node_modules/electron/path.txt)" ]; then
  electron_binary="node_modules/electron/dist/$(cat node_modules/electron/path.txt)"
fi
if [ -n "$electron_binary" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ] || [ "$(uname)" != Linux ]; }; then
  echo "backdesk: opening the Electron app"
  npx tsc -p tsconfig.build.json
  BACKDESK_PROFILE_DIR="$PROFILE" "$electron_binary" .
  exit
fi
echo "backdesk: no Electron binary here; running the browser host instead."
node bin/backdesk.mjs demo --data-dir "$PROFILE" | sed -n '/Demo accounts/,$p'
node bin/backdesk.mjs serve --data-dir "$PROFILE" --port "${PORT:-4780}" --sync-seconds 5
