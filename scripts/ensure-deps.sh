#!/usr/bin/env bash
# Installs what Backdesk needs on this machine, once: Debian packages (Chromium for the browser tests,
# libsecret and GNOME Keyring for the keychain, D-Bus), npm packages, and the built renderer.
# Sourced by start.sh and test.sh; safe to run again (each step is skipped when already done).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need_pkgs=()
command -v chromium >/dev/null || need_pkgs+=(chromium)
command -v gnome-keyring-daemon >/dev/null || need_pkgs+=(gnome-keyring)
command -v dbus-run-session >/dev/null || need_pkgs+=(dbus)
[ -f /usr/include/libsecret-1/libsecret/secret.h ] || need_pkgs+=(libsecret-1-dev)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "backdesk: installing Debian packages: ${need_pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
  else
    echo "backdesk: missing system packages: ${need_pkgs[*]} (Debian/Ubuntu: sudo apt-get install ${need_pkgs[*]})" >&2
    exit 1
  fi
fi

# npm ci when node_modules is missing or older than the lockfile. The Electron binary is not downloaded
# at install time (it cannot be here); Electron runs only where it is installed.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "backdesk: installing npm packages (native modules build from source; this takes a few minutes the first time)"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

# Rebuild the renderer when any of its sources is newer than the build.
if [ ! -f dist/renderer/index.html ] || [ -n "$(find renderer main/api/contract.ts main/core/domain -newer dist/renderer/index.html -type f -print -quit)" ]; then
  echo "backdesk: building the renderer"
  npx vite build --config renderer/vite.config.ts --logLevel warn
fi
