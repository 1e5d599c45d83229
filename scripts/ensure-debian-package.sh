#!/usr/bin/env bash
# Makes sure a program a test tier needs is on this machine:
#   ensure-debian-package.sh PURPOSE ENV_VAR DEBIAN_PACKAGE BINARY...
# ENV_VAR may name the program's path; else any BINARY on the PATH will do; else Debian's
# package is installed with apt-get (as root; otherwise it says what to do). Once per machine.
set -euo pipefail
purpose=$1 env_var=$2 package=$3
shift 3
if [ -n "${!env_var:-}" ] && [ -x "${!env_var}" ]; then exit 0; fi
for binary in "$@"; do
  if command -v "$binary" >/dev/null; then exit 0; fi
done
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "$purpose: install your distribution's $package package or set $env_var." >&2
  exit 1
fi
echo "Installing Debian's $package ($purpose; once per machine)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "$package" >/dev/null
