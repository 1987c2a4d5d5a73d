#!/usr/bin/env bash
# Links an already-assembled WPGraphQL plugin directory into the test WordPress and activates it, or undoes
# that. WPGraphQL is the oracle the starters' goldens are recorded from (tests/wordpress/record-goldens.ts);
# it is never part of this repository, and this script neither downloads nor builds it: the caller gives a
# directory holding wp-graphql.php and its vendor/autoload.php (how to assemble one: the project's issue #12).
#
#   bash tests/wordpress/wpgraphql.sh enable [<plugin-dir>]   (or WPGRAPHQL_PLUGIN_DIR=<plugin-dir>)
#   bash tests/wordpress/wpgraphql.sh disable
#   bash tests/wordpress/wpgraphql.sh status
#
# The site is the harness's (tests/wordpress/start.sh): Debian's WordPress with this checkout's own wp-content
# and /etc/wordpress/config-wpgw-<hash>.php (instance.sh). WORDPRESS_STATE_DIR (default .wordpress) picks the
# site and locates state.json, whose `url` the endpoint check uses. Activation runs WordPress's own
# activate_plugin() in a PHP process (there is no wp-cli package), as seed.php does.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE_DIR=${WORDPRESS_STATE_DIR:-$ROOT/.wordpress}
WP_DIR=${WORDPRESS_DIR:-/usr/share/wordpress}
# shellcheck source=instance.sh
source "$ROOT/tests/wordpress/instance.sh"
PLUGINS_DIR=${WORDPRESS_PLUGINS_DIR:-$CONTENT_DIR/plugins}
LINK="$PLUGINS_DIR/wp-graphql"
MU_DIR=${WORDPRESS_MU_PLUGINS_DIR:-$(dirname "$PLUGINS_DIR")/mu-plugins}
MU_PLUGIN="$MU_DIR/wpgw-authorization-header.php"
PLUGIN_FILE=wp-graphql/wp-graphql.php

fail() { echo "wpgraphql: $*" >&2; exit 1; }

# Runs activate_plugin / deactivate_plugins / is_plugin_active in a PHP process that loads the site.
wp_plugin() {
  php -d display_errors=stderr -- "$WP_DIR" "$PLUGIN_FILE" "$1" <<'PHP'
<?php
// Prefixed: loading WordPress overwrites globals such as $action and $plugin.
[, $wpgw_dir, $wpgw_plugin, $wpgw_action] = $argv;
// Debian's wp-config.php loads /etc/wordpress/config-$WORDPRESS_CONFIG.php (instance.sh exports it).
$_SERVER['WORDPRESS_CONFIG'] = (string) getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = '80';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
require $wpgw_dir . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
add_filter('pre_http_request', static fn () => new WP_Error('wpgw_offline', 'no HTTP from the CLI'));
switch ($wpgw_action) {
    case 'activate':
        $result = activate_plugin($wpgw_plugin);
        if (is_wp_error($result)) {
            fwrite(STDERR, $result->get_error_message() . "\n");
            exit(1);
        }
        // WPGraphQL's /graphql route is a rewrite rule: rebuild them now that it is registered.
        flush_rewrite_rules(false);
        echo is_plugin_active($wpgw_plugin) ? "active\n" : "inactive\n";
        break;
    case 'deactivate':
        deactivate_plugins($wpgw_plugin, true);
        flush_rewrite_rules(false);
        echo is_plugin_active($wpgw_plugin) ? "active\n" : "inactive\n";
        break;
    case 'status':
        echo is_plugin_active($wpgw_plugin) ? "active\n" : "inactive\n";
        break;
}
PHP
}

site_url() {
  [[ -f "$STATE_DIR/state.json" ]] || return 1
  php -r '$s = json_decode((string) file_get_contents($argv[1]), true); echo $s["url"] ?? "";' "$STATE_DIR/state.json"
}

# Prints the first post titles WPGraphQL answers at <url>/graphql, or fails.
probe() {
  local url
  url=$(site_url) || { echo "(no $STATE_DIR/state.json: endpoint not checked)"; return 0; }
  curl -sS --max-time 20 -H 'content-type: application/json' \
    --data '{"query":"{ posts(first: 2) { nodes { title } } }"}' "$url/graphql" \
    | php -r '$b = json_decode(stream_get_contents(STDIN), true);
      if (!is_array($b) || !isset($b["data"]["posts"]["nodes"])) { fwrite(STDERR, "no GraphQL answer\n"); exit(1); }
      echo "endpoint: ", $argv[1], "/graphql answers posts: ", json_encode(array_column($b["data"]["posts"]["nodes"], "title"), JSON_UNESCAPED_UNICODE), "\n";' "$url"
}

case "${1:-}" in
  enable)
    DIR=${2:-${WPGRAPHQL_PLUGIN_DIR:-}}
    [[ -n "$DIR" ]] || fail "enable needs a plugin directory (argument or WPGRAPHQL_PLUGIN_DIR)"
    DIR=$(cd "$DIR" && pwd) || fail "no directory $DIR"
    [[ -f "$DIR/wp-graphql.php" ]] || fail "$DIR has no wp-graphql.php"
    [[ -f "$DIR/vendor/autoload.php" ]] || fail "$DIR has no vendor/autoload.php (its dependencies are not assembled)"
    [[ -d "$PLUGINS_DIR" ]] || fail "no WordPress plugins directory at $PLUGINS_DIR"
    if [[ -e "$LINK" && ! -L "$LINK" ]]; then fail "$LINK exists and is not a symlink: left as is"; fi
    ln -sfn "$DIR" "$LINK"
    # See wpgraphql-authorization.php: signed-in (application password) requests reach WPGraphQL as such.
    mkdir -p "$MU_DIR"
    install -m 0644 "$ROOT/tests/wordpress/wpgraphql-authorization.php" "$MU_PLUGIN"
    STATE=$(wp_plugin activate) || fail "activate_plugin($PLUGIN_FILE) failed"
    [[ "$STATE" == active ]] || fail "$PLUGIN_FILE is $STATE after activation"
    echo "linked $LINK -> $DIR; $PLUGIN_FILE active"
    probe || fail "WPGraphQL is active but its endpoint did not answer"
    ;;
  disable)
    if [[ -L "$LINK" ]]; then
      wp_plugin deactivate >/dev/null || fail "deactivate_plugins($PLUGIN_FILE) failed"
      rm "$LINK"
      rm -f "$MU_PLUGIN"
      echo "deactivated and unlinked $LINK; removed $MU_PLUGIN"
    elif [[ -e "$LINK" ]]; then
      fail "$LINK is not a symlink (not installed by this script): left as is"
    else
      echo "not linked: nothing to do"
    fi
    ;;
  status)
    if [[ -L "$LINK" ]]; then
      echo "linked: $LINK -> $(readlink "$LINK")"
      echo "plugin: $(wp_plugin status)"
      if [[ -f "$MU_PLUGIN" ]]; then echo "authorization header shim: $MU_PLUGIN"; else echo "authorization header shim: missing ($MU_PLUGIN)"; fi
      probe || true
    else
      echo "not linked ($LINK)"
      exit 3
    fi
    ;;
  *)
    echo "usage: bash tests/wordpress/wpgraphql.sh enable [<plugin-dir>] | disable | status" >&2
    exit 2
    ;;
esac
