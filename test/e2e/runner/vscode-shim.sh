#!/usr/bin/env bash
# test-electron spawns this as if it were VS Code; the TypeScript shim does the work.
root="$(cd "$(dirname "$0")/../../.." && pwd)"
exec node --import "$root/node_modules/tsx/dist/loader.mjs" "$root/test/e2e/runner/vscodeShim.ts" "$@"
