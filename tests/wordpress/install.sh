#!/usr/bin/env bash
# Install the Debian packages a real WordPress 6.1 needs for the integration suite, when they are missing.
#
# Needs root and the Debian archive (CI runs as root on Debian 12). Quiet: apt's output goes to
# .wordpress/logs/install.log; on failure one line names the step and that log.
#
# Services are not started by the packages: Debian's `wordpress` depends on apache2 and mariadb-server's
# postinst starts its daemon, both of which would listen on public ports. While installing, a temporary
# /usr/sbin/policy-rc.d (the Debian mechanism for "do not start services", exit 101) is in place unless the
# machine already has one (Docker images do), so the system apache2 never starts on port 80. start.sh runs
# MariaDB (on a socket) and Apache (with its own config, on loopback) itself.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE_DIR=${WORDPRESS_STATE_DIR:-$ROOT/.wordpress}
LOG_DIR=$STATE_DIR/logs
LOG=$LOG_DIR/install.log
mkdir -p "$LOG_DIR"

# wordpress pulls apache2, libapache2-mod-php, php-mysql, php-gd; the CLI and mbstring are ours to ask for.
# apache2 and libapache2-mod-php (prefork + mod_php: start.sh's server) are named too, as start.sh uses them.
PACKAGES=(wordpress apache2 libapache2-mod-php php-cli php-mysql php-mbstring mariadb-server mariadb-client)

STEP=""
trap 'rc=$?; if [ "$rc" -ne 0 ]; then echo "wordpress: FAILED at step \"$STEP\" (exit $rc); log: $LOG" >&2; fi' EXIT

missing=()
for pkg in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$pkg")
done
# A package can be marked installed while a file we use is gone (a half-removed system); reinstall then.
for bin in php apache2 mariadbd mariadb-install-db mariadb mariadb-admin; do
  command -v "$bin" >/dev/null 2>&1 || missing+=("$bin")
done
[[ -f /usr/share/wordpress/wp-config.php ]] || missing+=(/usr/share/wordpress)
for module in mod_mpm_prefork mod_authz_core mod_dir mod_mime mod_alias; do
  [[ -f /usr/lib/apache2/modules/$module.so ]] || missing+=("$module.so")
done
compgen -G '/usr/lib/apache2/modules/libphp*.so' >/dev/null || missing+=(libphp.so)

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "wordpress: packages already installed"
  exit 0
fi

STEP="check root"
if [[ $(id -u) -ne 0 ]]; then
  echo "missing: ${missing[*]}; installing ${PACKAGES[*]} needs root (apt-get)" | tee -a "$LOG" >&2
  exit 1
fi

echo "wordpress: installing packages, missing: ${missing[*]} (apt-get, log: $LOG)"
export DEBIAN_FRONTEND=noninteractive

POLICY=/usr/sbin/policy-rc.d
OWN_POLICY=0
if [[ ! -e "$POLICY" ]]; then
  printf '#!/bin/sh\n# temporary, from tests/wordpress/install.sh: do not start services while installing\nexit 101\n' >"$POLICY"
  chmod 755 "$POLICY"
  OWN_POLICY=1
fi
cleanup_policy() { if [[ $OWN_POLICY -eq 1 ]]; then rm -f "$POLICY"; fi; }
# apt_reason RC: the line of apt's log that says why (an unreachable archive shows first as "Failed to fetch").
apt_reason() {
  local line
  line=$(grep -m1 -E 'Failed to fetch|Temporary failure resolving' "$LOG" 2>/dev/null || true)
  [[ -n "$line" ]] || line=$(grep -E '^E: ' "$LOG" 2>/dev/null | tail -n 1 || true)
  echo "${line:-exit $1}" | cut -c1-200
}
trap 'rc=$?; cleanup_policy; if [ "$rc" -ne 0 ]; then echo "wordpress: FAILED at step \"$STEP\" ($(apt_reason "$rc")); log: $LOG" >&2; fi' EXIT

APT_OPTS=(-q -y -o Dpkg::Use-Pty=0 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

STEP="apt-get update"
# A fresh machine may have empty package lists; an install with stale lists fails on 404s. One update is cheap.
apt-get "${APT_OPTS[@]}" update >>"$LOG" 2>&1

STEP="apt-get install"
# No recommends: they add themes, translations and an SMTP stack the tests do not use.
apt-get "${APT_OPTS[@]}" install --reinstall --no-install-recommends "${PACKAGES[@]}" >>"$LOG" 2>&1

STEP="verify"
command -v php >/dev/null && command -v apache2 >/dev/null && command -v mariadbd >/dev/null \
  && [[ -f /usr/share/wordpress/wp-config.php ]]
compgen -G '/usr/lib/apache2/modules/libphp*.so' >/dev/null
php -r 'exit(extension_loaded("mysqli") && extension_loaded("mbstring") ? 0 : 1);' >>"$LOG" 2>&1
echo "wordpress: packages installed"
