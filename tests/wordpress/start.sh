#!/usr/bin/env bash
# Start a real, seeded WordPress 6.1 (Debian packages) on loopback for the integration suite.
#
#   bash tests/wordpress/start.sh          prints the site URL on its last line
#
# Steps: packages (install.sh) → MariaDB (own datadir under .wordpress/, Unix socket only, no TCP) →
# database + user → /etc/wordpress/config-wpgw-<hash>.php (instance.sh) → wp_install → seed → Apache 2.4 prefork + mod_php
# (Debian's canonical WordPress setup) on 127.0.0.1:PORT with its own .wordpress/run/httpd.conf →
# wait for /wp-json/ → .wordpress/state.json.
#
# Why Apache and not `php -S`: PHP's built-in server, even with PHP_CLI_SERVER_WORKERS, lets one worker
# accept several pending connections and serve them one after another, so concurrent requests (the gateway
# sends some round trips as parallel requests) were serialized. Prefork serves each connection in its own
# process, as php-fpm or Apache do in production.
#
# Idempotent: a running site that answers is reused as is; a stopped one keeps its database and seed (only
# the processes start again). The database is recreated only when it does not hold exactly this seed.
#
# Environment: WORDPRESS_PORT (default: the previous port when free, else a free one),
# WORDPRESS_SERVER_PROCESSES (Apache's MaxRequestWorkers: requests served at once, default 16),
# WORDPRESS_STATE_DIR (default <project>/.wordpress).
#
# Failure: one line on stderr, `wordpress: FAILED at step "<step>" (<reason>); log: <path>`, exit 1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STATE_DIR=${WORDPRESS_STATE_DIR:-$ROOT/.wordpress}
LOG_DIR=$STATE_DIR/logs
RUN_DIR=$STATE_DIR/run
DATA_DIR=$STATE_DIR/mysql
STATE_FILE=$STATE_DIR/state.json
WP_ROOT=/usr/share/wordpress
DB_NAME=wpgw_test
DB_USER=wpgw
DB_PASSWORD=wpgw-test-only
HTTPD_CONF=$RUN_DIR/httpd.conf
PROCESSES=${WORDPRESS_SERVER_PROCESSES:-16}

mkdir -p "$LOG_DIR" "$RUN_DIR"

# The site's names (config file, wp-content, MariaDB socket), derived from STATE_DIR: see instance.sh.
# shellcheck source=instance.sh
source "$HERE/instance.sh"

STEP="start"
LOG=$LOG_DIR/start.log
REASON=""
# Processes started by this run: a failed run stops them again, so nothing half-started is left behind.
STARTED=()
on_exit() {
  local rc=$1 pid
  [[ $rc -eq 0 ]] && return 0
  echo "wordpress: FAILED at step \"$STEP\" (${REASON:-exit $rc}); log: $LOG" >&2
  for pid in "${STARTED[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  done
}
trap 'on_exit $?' EXIT

# step NAME LOGFILE: announce a step; a failure from here on is reported against it.
step() {
  STEP=$1
  LOG=$2
  REASON=""
  echo "wordpress: $1"
  printf '\n==== %s  %s\n' "$(date -u +%FT%TZ)" "$1" >>"$LOG"
}

# fail REASON: stop at the current step with a reason.
fail() {
  REASON=$1
  echo "$1" >>"$LOG"
  exit 1
}

# is_ours PID PATTERN: the process exists and its command line contains PATTERN (guards against pid reuse).
is_ours() {
  [[ -n "$1" && -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"
}

json_get() { # json_get FILE KEY
  php -r '$s = json_decode((string) @file_get_contents($argv[1]), true); echo is_array($s) ? ($s[$argv[2]] ?? "") : "";' "$1" "$2"
}

# One start at a time per checkout (two test runs starting together would race for the database).
exec 9>"$STATE_DIR/lock"
STEP="lock $STATE_DIR/lock"
flock -w 900 9 || fail "another start.sh held the lock for 15 minutes"

# --- packages -------------------------------------------------------------------------------------------
step "packages" "$LOG_DIR/install.log"
bash "$HERE/install.sh" 9>&- 2>>"$LOG" \
  || fail "$(grep 'wordpress: FAILED' "$LOG" | tail -n 1 | sed 's/^wordpress: FAILED at //; s/; log: .*//')"

# --- must-use plugins of the suite (tests/wordpress/mu-plugins/): copied on every start, before anything loads
# WordPress, so the server and seed.php see the same registrations (custom types, meta, SEO fields: issue #13).
step "must-use plugins" "$LOG_DIR/start.log"
mkdir -p "$CONTENT_DIR/mu-plugins"
cp -f "$HERE"/mu-plugins/*.php "$CONTENT_DIR/mu-plugins/" || fail "could not copy the must-use plugins to $CONTENT_DIR/mu-plugins"

# --- fast path: the site from the previous run still answers ----------------------------------------------
SEED_VERSION=$(php "$HERE/seed.php" credentials | php -r 'echo json_decode(stream_get_contents(STDIN), true)["seedVersion"];')
if [[ -f "$STATE_FILE" ]]; then
  OLD_URL=$(json_get "$STATE_FILE" url)
  OLD_PID=$(json_get "$STATE_FILE" pid)
  if is_ours "$OLD_PID" "$HTTPD_CONF" \
    && DESCRIPTION=$(php "$HERE/probe.php" "$OLD_URL" 2>/dev/null) \
    && [[ "$DESCRIPTION" == *"seed $SEED_VERSION" ]]; then
    php -r '$s = json_decode(file_get_contents($argv[1]), true); $s["reusedServer"] = true;
      file_put_contents($argv[1], json_encode($s, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");' "$STATE_FILE"
    echo "wordpress: already running"
    echo "$OLD_URL"
    exit 0
  fi
fi

# --- MariaDB ------------------------------------------------------------------------------------------------
ADMIN_DB_USER=$(id -un)
RUN_AS=()
[[ $(id -u) -eq 0 ]] && RUN_AS=(--user=root)
mysql_admin() { mariadb --no-defaults --socket="$SOCKET" -u "$ADMIN_DB_USER" "$@"; }
mysql_ping() { mariadb-admin --no-defaults --socket="$SOCKET" -u "$ADMIN_DB_USER" --connect-timeout=2 ping >/dev/null 2>&1; }

MARIADB_PID=$(cat "$RUN_DIR/mariadb.pid" 2>/dev/null || true)
if is_ours "$MARIADB_PID" "$DATA_DIR" && mysql_ping; then
  step "MariaDB already running (socket $SOCKET)" "$LOG_DIR/mariadb.log"
  REUSED_MARIADB=true
else
  REUSED_MARIADB=false
  # Ours but not answering on $SOCKET: started by an older start.sh on another socket path
  # (.wordpress/run/mysqld.sock), or hung. It holds the datadir's lock, so stop it before starting again.
  if is_ours "$MARIADB_PID" "$DATA_DIR"; then
    step "MariaDB: stop pid $MARIADB_PID (not answering on $SOCKET)" "$LOG_DIR/mariadb.log"
    kill -TERM -- "-$MARIADB_PID" 2>/dev/null || kill -TERM "$MARIADB_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$MARIADB_PID" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$MARIADB_PID" 2>/dev/null; then
      kill -KILL -- "-$MARIADB_PID" 2>/dev/null || kill -KILL "$MARIADB_PID" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  if [[ ! -d "$DATA_DIR/mysql" ]]; then
    step "MariaDB: initialise $DATA_DIR" "$LOG_DIR/mariadb-init.log"
    rm -rf "$DATA_DIR"
    mariadb-install-db --no-defaults "${RUN_AS[@]}" --datadir="$DATA_DIR" --auth-root-authentication-method=socket \
      --skip-test-db >>"$LOG" 2>&1 || fail "mariadb-install-db failed"
  fi
  step "MariaDB: start (socket $SOCKET, no TCP)" "$LOG_DIR/mariadb.log"
  rm -f "$SOCKET"
  # Unix socket only (skip-networking): nothing listens on TCP. Durability traded for seed speed.
  setsid mariadbd --no-defaults "${RUN_AS[@]}" --datadir="$DATA_DIR" --socket="$SOCKET" \
    --pid-file="$RUN_DIR/mariadbd.pid" --log-error="$LOG" --skip-networking --skip-log-bin \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=128M --innodb-flush-log-at-trx-commit=2 --max-connections=100 \
    </dev/null >>"$LOG" 2>&1 9>&- &
  MARIADB_PID=$!
  STARTED+=("$MARIADB_PID")
  echo "$MARIADB_PID" >"$RUN_DIR/mariadb.pid"
  for _ in $(seq 1 120); do
    mysql_ping && break
    kill -0 "$MARIADB_PID" 2>/dev/null || fail "mariadbd exited during start-up"
    sleep 0.25
  done
  mysql_ping || fail "MariaDB did not answer on $SOCKET within 30 s"
fi

# --- database ----------------------------------------------------------------------------------------------
step "database $DB_NAME" "$LOG_DIR/database.log"
mysql_admin >>"$LOG" 2>&1 <<SQL || fail "could not create the database or its user"
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
ALTER USER '$DB_USER'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON \`$DB_NAME\`.* TO '$DB_USER'@'localhost';
SQL

# --- port ------------------------------------------------------------------------------------------------------
step "port" "$LOG_DIR/start.log"
port_free() { php -r '$s = @stream_socket_server("tcp://127.0.0.1:" . $argv[1], $errno, $error); if (!$s) { fwrite(STDERR, $error . "\n"); exit(1); }' "$1"; }
# A server of ours from an earlier run that no longer answers: stop it, it holds the port.
OLD_PID=$( [[ -f "$STATE_FILE" ]] && json_get "$STATE_FILE" pid || true)
if is_ours "$OLD_PID" "$HTTPD_CONF"; then
  kill -TERM -- "-$OLD_PID" 2>/dev/null || kill -TERM "$OLD_PID" 2>/dev/null || true
  for _ in $(seq 1 20); do kill -0 "$OLD_PID" 2>/dev/null || break; sleep 0.25; done
fi
if [[ -n "${WORDPRESS_PORT:-}" ]]; then
  PORT=$WORDPRESS_PORT
  port_free "$PORT" 2>>"$LOG" || fail "port $PORT on 127.0.0.1 is taken"
else
  PORT=$( [[ -f "$STATE_FILE" ]] && json_get "$STATE_FILE" port || true)
  if [[ -z "$PORT" ]] || ! port_free "$PORT" 2>>"$LOG"; then
    PORT=$(php -r '$s = stream_socket_server("tcp://127.0.0.1:0"); $n = stream_socket_get_name($s, false); echo substr($n, strrpos($n, ":") + 1);')
  fi
fi
URL="http://127.0.0.1:$PORT"
echo "port $PORT" >>"$LOG"

# --- WordPress config --------------------------------------------------------------------------------------------
# Debian's /usr/share/wordpress/wp-config.php (the same file as /etc/wordpress/wp-config.php) loads
# /etc/wordpress/config-$WORDPRESS_CONFIG.php when the request's environment names one (httpd.conf's SetEnv;
# exported by instance.sh for the CLI steps), so sites of several checkouts run at once. The port lives in
# WP_HOME/WP_SITEURL below.
step "config $CONFIG_FILE" "$LOG_DIR/start.log"
[[ -w /etc/wordpress ]] || fail "/etc/wordpress is not writable (run as root)"
CONFIG_TMP=$(mktemp "/etc/wordpress/.config-$INSTANCE.XXXXXX")
# This site's wp-content (plugins, mu-plugins, uploads); themes stay WordPress's own. Owned by www-data as
# Debian's /var/lib/wordpress/wp-content is (uploads are written by the server's PHP).
mkdir -p "$CONTENT_DIR/plugins" "$CONTENT_DIR/mu-plugins" "$CONTENT_DIR/uploads"
ln -sfn /usr/share/wordpress/wp-content/plugins/index.php "$CONTENT_DIR/plugins/index.php"
# Nav menu locations (the site has no theme to register them): before the seed, which assigns menus to them.
cp -f "$HERE/wpgw-menu-locations.php" "$CONTENT_DIR/mu-plugins/wpgw-menu-locations.php"
[[ $(id -u) -eq 0 ]] && chown -R www-data:www-data "$CONTENT_DIR/uploads"

cat >"$CONFIG_TMP" <<PHP
<?php
// Written by tests/wordpress/start.sh (the gateway's integration-test WordPress); rewritten on each start.
define('DB_NAME', '$DB_NAME');
define('DB_USER', '$DB_USER');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$SOCKET');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', '$CONTENT_DIR');
define('WP_HOME', '$URL');
define('WP_SITEURL', '$URL');
// Application passwords need HTTPS or the 'local' environment type.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
// No background HTTP: cron would call the site from inside requests, updates would call wordpress.org.
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
// Fixed salts: a throwaway loopback site whose credentials are in the repository anyway.
define('AUTH_KEY', 'wpgw-test-auth-key');
define('SECURE_AUTH_KEY', 'wpgw-test-secure-auth-key');
define('LOGGED_IN_KEY', 'wpgw-test-logged-in-key');
define('NONCE_KEY', 'wpgw-test-nonce-key');
define('AUTH_SALT', 'wpgw-test-auth-salt');
define('SECURE_AUTH_SALT', 'wpgw-test-secure-auth-salt');
define('LOGGED_IN_SALT', 'wpgw-test-logged-in-salt');
define('NONCE_SALT', 'wpgw-test-nonce-salt');
\$table_prefix = 'wp_';
PHP
chmod 644 "$CONFIG_TMP"
mv -f "$CONFIG_TMP" "$CONFIG_FILE"

# PHP flags for the CLI steps below (seed.php): errors to a log, never in front of a JSON body. The server's
# PHP (mod_php) gets the same settings from httpd.conf, with its errors in Apache's error log.
PHP_FLAGS=(-d display_errors=0 -d log_errors=1 -d "error_log=$LOG_DIR/php-error.log"
  -d "error_reporting=E_ALL & ~E_DEPRECATED & ~E_STRICT" -d memory_limit=512M)

# --- install + seed ---------------------------------------------------------------------------------------------------
step "WordPress: install (wp_install, unless installed)" "$LOG_DIR/wp-install.log"
STATUS=$(php "${PHP_FLAGS[@]}" "$HERE/seed.php" status 2>>"$LOG") || fail "could not read the site's state"
echo "status: $STATUS" >>"$LOG"
case "$STATUS" in
  seeded) echo "wordpress: site already installed and seeded (seed $SEED_VERSION), reusing it" ;;
  empty) ;;
  *)
    echo "wordpress: database holds another seed or a partial one; recreating it"
    mysql_admin -e "DROP DATABASE \`$DB_NAME\`; CREATE DATABASE \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;" \
      >>"$LOG" 2>&1 || fail "could not recreate the database"
    STATUS=empty
    ;;
esac
if [[ "$STATUS" == empty ]]; then
  php "${PHP_FLAGS[@]}" "$HERE/seed.php" install >>"$LOG" 2>&1 || fail "wp_install failed"
  step "WordPress: seed" "$LOG_DIR/seed.log"
  php "${PHP_FLAGS[@]}" "$HERE/seed.php" seed >>"$LOG" 2>&1 || fail "seed.php failed"
  tail -n 1 "$LOG" | sed 's/; comment ids.*//; s/^/wordpress: /'
fi

# --- server ---------------------------------------------------------------------------------------------------------
step "server: Apache prefork + mod_php on 127.0.0.1:$PORT (up to $PROCESSES processes)" "$LOG_DIR/server.log"
[[ "$PROCESSES" =~ ^[1-9][0-9]*$ ]] || fail "WORDPRESS_SERVER_PROCESSES=$PROCESSES is not a positive number"
PHP_VERSION=$(php -r 'echo PHP_MAJOR_VERSION, ".", PHP_MINOR_VERSION;')
PHP_MODULE=/usr/lib/apache2/modules/libphp$PHP_VERSION.so
[[ -f "$PHP_MODULE" ]] || fail "$PHP_MODULE is missing (libapache2-mod-php for PHP $PHP_VERSION)"
port_free "$PORT" 2>>"$LOG" || fail "port $PORT on 127.0.0.1 is taken"
# Generated on each start: only our directives, none of /etc/apache2's (no apache2.conf, sites or ports.conf,
# so nothing listens on port 80).
cat >"$HTTPD_CONF" <<CONF
# Written by tests/wordpress/start.sh on each start: the integration-test WordPress, Apache 2.4 prefork +
# mod_php, loopback only. Started as \`apache2 -f $HTTPD_CONF -DFOREGROUND\` under setsid.
ServerRoot "/etc/apache2"
ServerName 127.0.0.1
Listen 127.0.0.1:$PORT
PidFile $RUN_DIR/apache2.pid
DefaultRuntimeDir $RUN_DIR
# Apache refuses to serve from root children; the parent (root) only binds the port and opens the logs.
# Ignored when start.sh does not run as root: then the children run as the invoking user.
User www-data
Group www-data
# Apache's and PHP's errors (log_errors on, no error_log: mod_php logs to Apache's ErrorLog). No access log.
ErrorLog $LOG_DIR/apache-error.log
LogLevel warn

LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule dir_module /usr/lib/apache2/modules/mod_dir.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
LoadModule alias_module /usr/lib/apache2/modules/mod_alias.so
LoadModule setenvif_module /usr/lib/apache2/modules/mod_setenvif.so
LoadModule env_module /usr/lib/apache2/modules/mod_env.so
LoadModule php_module $PHP_MODULE
TypesConfig /etc/mime.types

# One process per connection, so WORDPRESS_SERVER_PROCESSES requests are served at once.
ServerLimit $PROCESSES
StartServers $(( PROCESSES < 4 ? PROCESSES : 4 ))
MinSpareServers $(( PROCESSES < 4 ? PROCESSES : 4 ))
MaxSpareServers $(( PROCESSES < 8 ? PROCESSES : 8 ))
MaxRequestWorkers $PROCESSES
# KeepAlive off: with prefork a kept-alive connection pins a process while idle, and a test run starts many
# gateways, each with its own connection pool (up to 64 sockets): their idle connections could hold every
# process. php -S, which this replaces, closed every connection too (Connection: close).
KeepAlive Off

# WordPress's own .htaccess, as directives: existing files as themselves, everything else to index.php, and the
# Authorization header handed to PHP (its \`RewriteRule .* - [E=HTTP_AUTHORIZATION:…]\` line; without it plugins
# that read HTTP_AUTHORIZATION, WPGraphQL among them, see application passwords as guests).
SetEnvIf Authorization "(.*)" HTTP_AUTHORIZATION=\$1
# Which /etc/wordpress/config-*.php Debian's wp-config.php loads (instance.sh).
SetEnv WORDPRESS_CONFIG $INSTANCE
DocumentRoot /usr/share/wordpress
<Directory />
  Require all denied
  AllowOverride None
</Directory>
<Directory /usr/share/wordpress>
  Require all granted
  DirectoryIndex index.php
  FallbackResource /index.php
</Directory>
# Debian keeps wp-content outside the document root, in WP_CONTENT_DIR: this site's own (instance.sh).
Alias /wp-content $CONTENT_DIR
<Directory $CONTENT_DIR>
  Require all granted
</Directory>
<FilesMatch "\.php\$">
  SetHandler application/x-httpd-php
</FilesMatch>

# The PHP settings of PHP_FLAGS (error_reporting 22527 = E_ALL & ~E_DEPRECATED & ~E_STRICT). Opcache is on
# by default in this SAPI (/etc/php/$PHP_VERSION/apache2/conf.d/10-opcache.ini), shared by the processes.
php_admin_flag display_errors off
php_admin_flag log_errors on
php_admin_value error_reporting 22527
php_admin_value memory_limit 512M
CONF
# Config errors show here, with their line, rather than as a server that does not come up.
apache2 -f "$HTTPD_CONF" -t >>"$LOG" 2>&1 || fail "apache2 -t rejects $HTTPD_CONF"
# setsid: its own process group (stop.sh ends Apache's children with it) that outlives this shell. setsid
# execs in place and -DFOREGROUND keeps Apache from detaching, so $! is Apache's parent process.
(cd "$WP_ROOT" && exec setsid apache2 -f "$HTTPD_CONF" -DFOREGROUND </dev/null >>"$LOG" 2>&1 9>&-) &
SERVER_PID=$!
STARTED+=("$SERVER_PID")
for _ in $(seq 1 120); do
  if DESCRIPTION=$(php "$HERE/probe.php" "$URL" 2>>"$LOG"); then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || fail "apache2 exited during start-up (see also $LOG_DIR/apache-error.log)"
  sleep 0.25
done
php "$HERE/probe.php" "$URL" >/dev/null 2>>"$LOG" || fail "$URL/wp-json/ did not answer within 30 s"
kill -0 "$SERVER_PID" 2>/dev/null || fail "apache2 exited; something else answers on port $PORT"
[[ "$DESCRIPTION" == *"seed $SEED_VERSION" ]] || fail "the site answers but does not carry seed $SEED_VERSION"

# --- state ---------------------------------------------------------------------------------------------------------
step "state $STATE_FILE" "$LOG_DIR/start.log"
php "$HERE/seed.php" credentials | php -r '
  [, $file, $url, $port, $pid, $mariadbPid, $socket, $db, $logs, $reusedMariadb] = $argv;
  $state = [
    "url" => $url,
    "restUrl" => "$url/wp-json",
    "port" => (int) $port,
  ] + json_decode(stream_get_contents(STDIN), true) + [
    "pid" => (int) $pid,
    "mariadbPid" => (int) $mariadbPid,
    "socket" => $socket,
    "database" => $db,
    "logs" => $logs,
    "reusedServer" => false,
    "reusedMariadb" => $reusedMariadb === "true",
    "startedAt" => gmdate("c"),
  ];
  file_put_contents($file, json_encode($state, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES) . "\n");
' "$STATE_FILE" "$URL" "$PORT" "$SERVER_PID" "$MARIADB_PID" "$SOCKET" "$DB_NAME" "$LOG_DIR" "$REUSED_MARIADB"

echo "wordpress: serving $URL"
echo "$URL"
