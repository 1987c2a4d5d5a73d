# Sourced by start.sh, stop.sh and wpgraphql.sh: the names one test WordPress owns on this machine, all derived
# from its state directory (STATE_DIR must be set), so that checkouts and WORDPRESS_STATE_DIRs run side by side
# (a helper's worktree and main, or two CI clones) without touching each other's site.
#
#   INSTANCE     wpgw-<12 hex>: Debian's wp-config.php loads /etc/wordpress/config-$INSTANCE.php when the
#                request carries WORDPRESS_CONFIG=$INSTANCE (Apache: SetEnv; CLI PHP: the environment, which
#                seed.php and wpgraphql.sh copy into $_SERVER). Before this, every site shared
#                config-127.0.0.1.php, chosen by the Host header, and only one could run at a time.
#   CONFIG_FILE  /etc/wordpress/config-$INSTANCE.php
#   CONTENT_DIR  this site's WP_CONTENT_DIR (plugins, mu-plugins, uploads): a must-use plugin a suite installs
#                reaches only its own site. Under /var/lib/wordpress, not the checkout: Apache's children run as
#                www-data, which must traverse every parent directory, and a checkout may sit under a 0700 home.
#   SOCKET       MariaDB's Unix socket, in /tmp for the same reason (and Unix's 108-byte path limit).
INSTANCE_HASH=$(printf '%s' "$STATE_DIR" | md5sum | cut -c1-12)
INSTANCE=wpgw-$INSTANCE_HASH
CONFIG_FILE=/etc/wordpress/config-$INSTANCE.php
CONTENT_DIR=/var/lib/wordpress/wpgw-sites/$INSTANCE_HASH/wp-content
SOCKET=/tmp/wpgw-mysqld-$INSTANCE_HASH.sock
export WORDPRESS_CONFIG=$INSTANCE
