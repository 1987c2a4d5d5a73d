<?php
/**
 * Router for PHP's built-in server (`php -S 127.0.0.1:PORT -t /usr/share/wordpress router.php`): does what
 * WordPress's .htaccess does under Apache, so pretty permalinks and /wp-json/ reach index.php.
 *
 * - An existing file (static asset or a .php entry point such as wp-login.php) or a directory with an
 *   index.php: `return false` lets the built-in server serve or execute it as usual.
 * - /wp-content/...: Debian keeps wp-content in /var/lib/wordpress/wp-content (WP_CONTENT_DIR), outside the
 *   document root; existing files there are streamed from it.
 * - Anything else goes to WordPress's front controller, index.php, with the server variables Apache's
 *   rewrite would leave (SCRIPT_NAME=/index.php), because WordPress derives its routing from them.
 */

$root = rtrim($_SERVER['DOCUMENT_ROOT'], '/');
$path = rawurldecode((string) parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if ($path === '') {
    $path = '/';
}
$safe = strpos($path, '..') === false && strpos($path, "\0") === false;

if ($safe && $path !== '/') {
    $candidate = $root . $path;
    if (is_file($candidate) || (is_dir($candidate) && is_file(rtrim($candidate, '/') . '/index.php'))) {
        return false;
    }
    if (strncmp($path, '/wp-content/', 12) === 0) {
        $content = '/var/lib/wordpress/wp-content' . substr($path, 11);
        if (is_file($content) && substr($content, -4) !== '.php') {
            $types = [
                'css' => 'text/css', 'js' => 'application/javascript', 'json' => 'application/json',
                'jpg' => 'image/jpeg', 'jpeg' => 'image/jpeg', 'png' => 'image/png', 'gif' => 'image/gif',
                'webp' => 'image/webp', 'svg' => 'image/svg+xml', 'pdf' => 'application/pdf',
                'woff2' => 'font/woff2', 'txt' => 'text/plain',
            ];
            $ext = strtolower(pathinfo($content, PATHINFO_EXTENSION));
            header('Content-Type: ' . ($types[$ext] ?? 'application/octet-stream'));
            header('Content-Length: ' . filesize($content));
            readfile($content);
            return true;
        }
    }
}

$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
