#!/usr/bin/env sh
# Installs Debian's chromium for the browser tests (playwright drives /usr/bin/chromium;
# `playwright install` cannot download browsers here).
set -eu
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "install-chromium: need root (or sudo) to run: apt-get install chromium" >&2; exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
