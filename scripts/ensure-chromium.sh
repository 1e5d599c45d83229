#!/usr/bin/env bash
# Makes sure a Chromium for the webview tests is on this machine: CHROMIUM_PATH, or Debian's
# chromium package, installed with apt-get when missing (as root; otherwise it says what to do).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; then exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "The webview tests need Chromium: install your distribution's chromium package or set CHROMIUM_PATH." >&2
  exit 1
fi
echo "Installing Debian's chromium for the webview tests (once per machine)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
