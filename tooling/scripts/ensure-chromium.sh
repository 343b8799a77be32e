#!/usr/bin/env bash
# The console's browser tests drive Debian's Chromium through playwright-core (never Playwright's own browser
# download). Installs it (and a CJK font) with apt-get when it is missing (CI runs as root on a fresh machine).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-chromium: /usr/bin/chromium is missing; install it with: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "ensure-chromium: installing Debian's chromium (apt-get)" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
# Japanese in the screenshots needs a CJK font.
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
