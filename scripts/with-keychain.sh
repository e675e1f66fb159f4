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
# The keyring's own password only protects the throwaway keyring file; it is fed on stdin, never argv.
eval "$(printf '%s' "${KEYRING_PASSWORD:-backdesk-private-keyring}" | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
