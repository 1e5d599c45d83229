#!/usr/bin/env bash
# A Chromium for the webview tests (and CI): CHROMIUM_PATH, or Debian's chromium package.
exec "$(dirname "$0")/ensure-debian-package.sh" "The webview tests need Chromium" CHROMIUM_PATH chromium chromium chromium-browser
