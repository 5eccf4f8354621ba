#!/bin/sh
# Install the Debian packages listed in $1 (one per line, '#' comments) that are missing.
# Runs apt-get update once, only when something is missing; does nothing for non-root users.
set -eu
list="$1"
[ -f "$list" ] || exit 0
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in $(sed -e 's/#.*//' "$list"); do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    case "$status" in *"install ok installed"*) ;; *) missing="$missing $pkg" ;; esac
done
[ -n "$missing" ] || exit 0
if [ "$(id -u)" != "0" ]; then
    echo "srbrief: please install these Debian packages:$missing" >&2
    exit 0
fi
echo "srbrief: installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
