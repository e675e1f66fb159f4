#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with its own GNOME Keyring, unlocked, so tests and
# benchmarks use a real Secret Service without touching the person's own keychain.
# KEYRING_HOME chooses where that keyring keeps its files (default: a temporary folder, removed after).
set -euo pipefail
if [ -z "${BACKDESK_IN_KEYRING:-}" ]; then
  export BACKDESK_IN_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
if [ -n "${KEYRING_HOME:-}" ]; then
  mkdir -p "$KEYRING_HOME"
  export XDG_DATA_HOME="$KEYRING_HOME"
else
  XDG_DATA_HOME=$(mktemp -d)
  export XDG_DATA_HOME
  trap 'rm -rf "$XDG_DATA_HOME"' EXIT
fi
# The keyring's own password only protects the throwaway keyring file; it is fed on stdin, never argv. It is
# exported so the test runner can start this keyring again on the same files (scripts/shared-keyring.mjs).
export KEYRING_PASSWORD="${KEYRING_PASSWORD:-backdesk-private-keyring}"
eval "$(printf '%s' "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
# The daemon takes its name on the bus a moment after it returns. A call made before that would have the bus
# start a second daemon from its service file, one that knows neither this keyring nor its password.
for _ in $(seq 100); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
    string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true' && break
  sleep 0.1
done
"$@"
