<?php
/**
 * `php probe.php http://127.0.0.1:PORT` — exits 0 when WordPress's REST index (/wp-json/) answers with JSON
 * that lists routes, and prints the site's description (start.sh reads the seed marker from it).
 * PHP instead of curl: PHP is installed by install.sh, curl is not on a bare Debian.
 */
$url = rtrim($argv[1] ?? '', '/') . '/wp-json/';
$context = stream_context_create(['http' => ['timeout' => 5, 'ignore_errors' => true]]);
$body = @file_get_contents($url, false, $context);
if ($body === false) {
    fwrite(STDERR, "no answer from $url\n");
    exit(1);
}
$status = 0;
foreach ($http_response_header ?? [] as $line) {
    if (preg_match('#^HTTP/\S+\s+(\d{3})#', $line, $m)) {
        $status = (int) $m[1];
    }
}
$index = json_decode($body, true);
if ($status !== 200 || !is_array($index) || !isset($index['routes'])) {
    fwrite(STDERR, "$url answered $status, not the REST index: " . substr($body, 0, 300) . "\n");
    exit(1);
}
echo ($index['description'] ?? ''), "\n";
