<?php
/**
 * Plugin Name: wpgw — Authorization header for WPGraphQL, as WordPress's .htaccess passes it
 * Description: Installed as a must-use plugin by tests/wordpress/wpgraphql.sh enable; removed by disable.
 *
 * WordPress's own .htaccess (WP_Rewrite::mod_rewrite_rules) has
 * `RewriteRule .* - [E=HTTP_AUTHORIZATION:%{HTTP:Authorization}]`, so on a stock Apache site PHP sees
 * $_SERVER['HTTP_AUTHORIZATION']. The harness's Apache (start.sh) routes through FallbackResource without
 * that rule: mod_php then sets only PHP_AUTH_USER / PHP_AUTH_PW. The REST API needs no more, but WPGraphQL
 * (Router::validate_http_request_authentication) reads HTTP_AUTHORIZATION to tell an application-password
 * request from a cookie one, and downgrades a signed-in request without it to a guest. This restores the
 * variable from the request's own header, as the stock .htaccess would; it changes nothing else.
 */
if ( ! isset( $_SERVER['HTTP_AUTHORIZATION'] ) && function_exists( 'apache_request_headers' ) ) {
	foreach ( apache_request_headers() as $wpgw_name => $wpgw_value ) {
		if ( strtolower( (string) $wpgw_name ) === 'authorization' && $wpgw_value !== '' ) {
			$_SERVER['HTTP_AUTHORIZATION'] = $wpgw_value;
		}
	}
}
