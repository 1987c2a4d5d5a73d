<?php
/**
 * Plugin Name: wpgw menu locations (test site)
 * Description: The seeded test site has no theme, so nothing registers nav menu locations; this must-use plugin
 * registers the ones the starters ask for (PRIMARY, FOOTER, PRIMARY_MENU in WPGraphQL's MenuLocationEnum) and
 * one left unassigned (SOCIAL). Installed into the site's wp-content/mu-plugins by tests/wordpress/start.sh.
 */
add_action('after_setup_theme', static function () {
    register_nav_menus([
        'primary' => 'Primary',
        'footer' => 'Footer',
        'primary-menu' => 'Primary menu',
        'social' => 'Social links',
    ]);
});
