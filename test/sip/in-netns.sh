#!/usr/bin/env bash
# Runs a command in a new network namespace where only loopback is up, so Chromium's WebRTC offers
# 127.0.0.1 candidates alone and call media never leaves the machine (on a host with a network card
# Chromium also offers that card's address). Kamailio, the peer page server and the app under test
# must all run inside it: nothing outside the namespace is reachable, and nothing inside is
# reachable from outside.
#
#   bash test/sip/in-netns.sh npx tsx test/sip/smoke.ts
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: bash test/sip/in-netns.sh <command> [args...]" >&2
  exit 2
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "in-netns.sh: creating a network namespace needs root (unshare -n); run it as root, e.g. in the CI container" >&2
  exit 1
fi
if ! command -v unshare >/dev/null 2>&1; then
  echo "in-netns.sh: unshare not found (util-linux): apt-get install util-linux" >&2
  exit 1
fi
IP=$(command -v ip || true)
if [[ -z $IP ]]; then
  for candidate in /usr/sbin/ip /sbin/ip; do [[ -x $candidate ]] && IP=$candidate; done
fi
if [[ -z $IP ]]; then
  echo "in-netns.sh: ip not found: apt-get install iproute2" >&2
  exit 1
fi

if ! probe=$(unshare --net -- true 2>&1); then
  echo "in-netns.sh: cannot create a network namespace (a container without CAP_SYS_ADMIN?): $probe" >&2
  exit 1
fi

# exec keeps the command's exit code and lets signals reach it.
exec unshare --net -- "$BASH" -c '
  set -e
  if ! "$0" link set lo up; then
    echo "in-netns.sh: cannot bring lo up in the new namespace" >&2
    exit 1
  fi
  exec "$@"
' "$IP" "$@"
