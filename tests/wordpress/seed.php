<?php
/**
 * Installs and seeds the test WordPress through WordPress's own functions (there is no wp-cli package).
 *
 *   php seed.php status       prints `empty` (no tables), `installed` (tables, no or another seed) or `seeded`
 *   php seed.php install      wp_install(): tables, the admin user, default options
 *   php seed.php seed         the content below, in one transaction; skipped when already seeded
 *   php seed.php credentials  prints the fixed credentials as JSON (does not load WordPress)
 *
 * Each mode is its own PHP process: WordPress caches roles and options at load time, so content is added
 * by a process that loads an installed site, as a real request would.
 *
 * Deterministic: every id, date, name and text is fixed here (posts, pages and attachments by `import_id`;
 * users, terms and comments by insertion order on a freshly installed database — start.sh recreates the
 * database whenever it is not exactly this seed). Only password hashes and post GUIDs (which carry the
 * port of the first start) vary. tests/wordpress/seed-ids.ts and README.md list what tests rely on, and
 * rest-ground-truth.test.ts checks them against the running site.
 *
 * Seeding runs as the administrator (who has `unfiltered_html`), so titles keep `<`, `&` and quotes as
 * typed — the raw material that breaks gateways.
 */

declare(strict_types=1);

const SEED_VERSION = '4';
const ADMIN_USER = 'admin';
const ADMIN_PASSWORD = 'admin-password-for-tests';
// Application passwords are 24 letters/digits; WordPress strips anything else before checking.
const ADMIN_APP_PASSWORD = 'AdminAppPassw0rdForTests';
const EDITOR_USER = 'editor';
const EDITOR_APP_PASSWORD = 'EditorAppPassw0rdForTest';

$mode = $argv[1] ?? 'seed';

if ($mode === 'credentials') {
    echo json_encode([
        'adminUser' => ADMIN_USER,
        'adminPassword' => ADMIN_PASSWORD,
        'adminAppPassword' => ADMIN_APP_PASSWORD,
        'editorUser' => EDITOR_USER,
        'editorAppPassword' => EDITOR_APP_PASSWORD,
        'seedVersion' => SEED_VERSION,
    ]), "\n";
    exit(0);
}
if (!in_array($mode, ['status', 'install', 'seed'], true)) {
    fwrite(STDERR, "usage: php seed.php status|install|seed|credentials\n");
    exit(2);
}

// WordPress ends on errors with die() and exit status 0 (wp_die, dead_db). Turn "stopped before the end"
// into a failure the shell sees.
$GLOBALS['wpgw_done'] = false;
register_shutdown_function(static function (): void {
    if (!$GLOBALS['wpgw_done']) {
        fwrite(STDERR, "\nseed.php: WordPress stopped before the end (output above)\n");
        exit(1);
    }
});

// Debian's wp-config.php loads /etc/wordpress/config-$WORDPRESS_CONFIG.php (start.sh exports it: instance.sh).
if (getenv('WORDPRESS_CONFIG') === false) {
    fwrite(STDERR, "seed.php: WORDPRESS_CONFIG is not set (run it through tests/wordpress/start.sh)\n");
    $GLOBALS['wpgw_done'] = true;
    exit(1);
}
$_SERVER['WORDPRESS_CONFIG'] = (string) getenv('WORDPRESS_CONFIG');
$_SERVER['HTTP_HOST'] = '127.0.0.1';
$_SERVER['SERVER_NAME'] = '127.0.0.1';
$_SERVER['SERVER_PORT'] = '80';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

if ($mode !== 'seed') {
    define('WP_INSTALLING', true);
} else {
    // Importer mode: no pings/enclosures scheduled per published post.
    define('WP_IMPORTING', true);
}
require '/usr/share/wordpress/wp-load.php';

// Nothing leaves the machine while installing or seeding: no mail (there is no MTA), no HTTP (the
// permalink self-test in wp_install() would call a server that is not running yet).
add_filter('pre_wp_mail', '__return_false');
add_filter('pre_http_request', static fn () => new WP_Error('wpgw_offline', 'no HTTP while seeding'));

if ($mode === 'status') {
    if (!is_blog_installed()) {
        echo "empty\n";
    } elseif (get_option('wpgw_seed') === SEED_VERSION) {
        echo "seeded\n";
    } else {
        echo "installed\n";
    }
    $GLOBALS['wpgw_done'] = true;
    exit(0);
}

if ($mode === 'install') {
    require_once ABSPATH . 'wp-admin/includes/upgrade.php';
    if (is_blog_installed()) {
        echo "already installed\n";
        $GLOBALS['wpgw_done'] = true;
        exit(0);
    }
    $result = wp_install('WPGraphQL Gateway test site', ADMIN_USER, 'admin@example.test', true, '', ADMIN_PASSWORD);
    if (empty($result['user_id'])) {
        fwrite(STDERR, "wp_install() did not create the admin user\n");
        exit(1);
    }
    echo "installed WordPress ", get_bloginfo('version'), " (admin user id {$result['user_id']})\n";
    $GLOBALS['wpgw_done'] = true;
    exit(0);
}

// ---------------------------------------------------------------------------------------------- seed --

if (get_option('wpgw_seed') === SEED_VERSION) {
    echo "already seeded (seed " . SEED_VERSION . ")\n";
    $GLOBALS['wpgw_done'] = true;
    exit(0);
}
if (get_post(100) || get_user_by('login', EDITOR_USER)) {
    fwrite(STDERR, "the database holds another or a partial seed; start.sh recreates it\n");
    exit(1);
}

$started = microtime(true);
global $wpdb, $wp_rewrite;

/** Throws when a WordPress function answered with an error, naming what was being created. */
function wpgw_check($result, string $what)
{
    if (is_wp_error($result)) {
        throw new RuntimeException("$what: " . $result->get_error_message());
    }
    if ($result === 0 || $result === false || $result === null) {
        throw new RuntimeException("$what: WordPress returned " . var_export($result, true));
    }
    return $result;
}

/** A local (Europe/Paris) date string and its UTC twin, as WordPress stores post_date / post_date_gmt. */
function wpgw_dates(string $local): array
{
    $date = new DateTimeImmutable($local, new DateTimeZone('Europe/Paris'));
    return [$date->format('Y-m-d H:i:s'), $date->setTimezone(new DateTimeZone('UTC'))->format('Y-m-d H:i:s')];
}

/** Deterministic filler text: no PRNG, word choice is arithmetic on the index. */
function wpgw_words(int $seed, int $count): string
{
    static $words = [
        'gateway', 'schema', 'resolver', 'batch', 'cursor', 'edge', 'node', 'query', 'loader', 'cache',
        'café', 'naïve', 'façade', 'über', 'smörgåsbord', 'jalapeño', 'fjord', 'résumé', 'piñata', 'crème',
        'lorem', 'ipsum', 'dolor', 'amet', 'consectetur', 'adipiscing', 'elit', 'tempor', 'labore', 'magna',
    ];
    $out = [];
    for ($k = 0; $k < $count; $k++) {
        $out[] = $words[($seed * 7 + $k * 13 + intdiv($k, 5)) % count($words)];
    }
    return implode(' ', $out);
}

/**
 * Nav menus (since seed 2-menus), kept in one function so other seed additions merge beside it. Locations are
 * registered by the must-use plugin wpgw-menu-locations.php (start.sh installs it). Menu item ids are fixed
 * (import_id 4000..: books and chapters have 3000..); menu term ids follow the tags (26, 27, 28: see
 * seed-ids.ts), before the discovery seed's genres.
 *
 * - "Main menu" at `primary` and `primary-menu`: Home (custom link), About (page) > Team (page), News
 *   (category) > GraphQL (tag), post 101 (title attribute, description), WordPress.org (external, target _blank,
 *   xfn, css classes).
 * - "Footer menu" at `footer`: Contact (page), Privacy (custom link).
 * - "Unassigned menu" at no location: private to WPGraphQL for anyone without edit_theme_options.
 * - `social` is registered and left empty.
 */
function wpgw_seed_menus(): array
{
    $menu = static fn (string $name) => wpgw_check(wp_create_nav_menu($name), "menu $name");
    $main = $menu('Main menu');
    $footer = $menu('Footer menu');
    $unassigned = $menu('Unassigned menu');
    $item = static function (int $id, int $menuId, int $position, array $args): int {
        // A nav_menu_item post with a fixed id first; wp_update_nav_menu_item() then fills in its meta.
        wpgw_check(wp_insert_post(['import_id' => $id, 'post_type' => 'nav_menu_item', 'post_status' => 'draft', 'post_title' => ''], true), "menu item $id");
        $result = wp_update_nav_menu_item($menuId, $id, $args + ['menu-item-position' => $position, 'menu-item-status' => 'publish']);
        wpgw_check($result, "menu item $id");
        return $id;
    };
    $item(4000, $main, 1, ['menu-item-title' => 'Home', 'menu-item-url' => home_url('/'), 'menu-item-type' => 'custom']);
    $item(4001, $main, 2, ['menu-item-object' => 'page', 'menu-item-object-id' => 1000, 'menu-item-type' => 'post_type']);
    $item(4002, $main, 3, ['menu-item-object' => 'page', 'menu-item-object-id' => 1001, 'menu-item-type' => 'post_type', 'menu-item-parent-id' => 4001, 'menu-item-title' => 'Our team']);
    $item(4003, $main, 4, ['menu-item-object' => 'category', 'menu-item-object-id' => 2, 'menu-item-type' => 'taxonomy', 'menu-item-classes' => 'menu-news highlight']);
    $item(4004, $main, 5, ['menu-item-object' => 'post_tag', 'menu-item-object-id' => 13, 'menu-item-type' => 'taxonomy', 'menu-item-parent-id' => 4003]);
    $item(4005, $main, 6, ['menu-item-object' => 'post', 'menu-item-object-id' => 101, 'menu-item-type' => 'post_type', 'menu-item-attr-title' => 'Read this one', 'menu-item-description' => 'A post in the menu']);
    $item(4006, $main, 7, ['menu-item-title' => 'WordPress.org', 'menu-item-url' => 'https://wordpress.org/', 'menu-item-type' => 'custom', 'menu-item-target' => '_blank', 'menu-item-xfn' => 'external noopener', 'menu-item-classes' => 'external']);
    $item(4010, $footer, 1, ['menu-item-object' => 'page', 'menu-item-object-id' => 1003, 'menu-item-type' => 'post_type']);
    $item(4011, $footer, 2, ['menu-item-title' => 'Privacy', 'menu-item-url' => home_url('/privacy/'), 'menu-item-type' => 'custom']);
    $item(4020, $unassigned, 1, ['menu-item-title' => 'Not in any location', 'menu-item-url' => home_url('/hidden/'), 'menu-item-type' => 'custom']);
    set_theme_mod('nav_menu_locations', ['primary' => $main, 'primary-menu' => $main, 'footer' => $footer]);
    return ['main' => $main, 'footer' => $footer, 'unassigned' => $unassigned];
}

$wpdb->query('START TRANSACTION');
try {
    wp_set_current_user(1); // the administrator: unfiltered_html, so kses leaves titles as typed
    wp_defer_term_counting(true);
    wp_defer_comment_counting(true);

    // -- settings ------------------------------------------------------------------------------------
    update_option('blogname', 'WPGraphQL Gateway test site');
    update_option('blogdescription', 'Seeded by tests/wordpress/seed.php — seed ' . SEED_VERSION);
    update_option('timezone_string', 'Europe/Paris');
    update_option('gmt_offset', '');
    update_option('date_format', 'j F Y');
    update_option('time_format', 'H:i');
    update_option('start_of_week', 1);
    update_option('posts_per_page', 10);
    update_option('default_comment_status', 'open');
    update_option('comment_moderation', 0);
    update_option('comment_previously_approved', 0);
    update_option('thread_comments', 1);
    update_option('thread_comments_depth', 5);
    update_option('page_comments', 0);
    update_option('uploads_use_yearmonth_folders', 1);
    update_option('wp_page_for_privacy_policy', 0);
    $wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
    $wp_rewrite->set_category_base('');
    $wp_rewrite->set_tag_base('');

    // wp_install()'s sample content goes: the seed owns every record.
    foreach ([1, 2, 3] as $sample) {
        wp_delete_post($sample, true);
    }

    // -- users (ids 2..6 after the admin, 1) ----------------------------------------------------------
    wp_update_user(['ID' => 1, 'display_name' => 'Site Admin', 'first_name' => 'Site', 'last_name' => 'Admin']);
    $wpdb->update($wpdb->users, ['user_registered' => '2021-12-01 09:00:00'], ['ID' => 1]); // wp_install() says "now"
    clean_user_cache(1);
    $users = [
        'editor' => ['Élodie Éditrice', 'editor', 'Edits everything. Likes “curly quotes” & ampersands.'],
        'zoe' => ['Zoë O’Brien-Ångström', 'author', 'Writes about Europe. Søren’s colleague.'],
        'jl' => ['Jean-Luc "JL" D\'Arcy', 'author', 'Straight "quotes" and an apostrophe\'s worth.'],
        'hidden' => ['Hélène Cachée', 'author', 'Has drafts but no published posts: hidden from anonymous readers.'],
        'sam' => ['Sam Subscriber', 'subscriber', ''],
    ];
    $uid = [];
    foreach ($users as $login => [$display, $role, $bio]) {
        $parts = explode(' ', $display, 2);
        $uid[$login] = wpgw_check(wp_insert_user([
            'user_login' => $login,
            'user_pass' => "$login-password-for-tests",
            'user_email' => "$login@example.test",
            'user_url' => $login === 'zoe' ? 'https://example.test/~zoe' : '',
            'display_name' => $display,
            'nickname' => $login,
            'first_name' => $parts[0],
            'last_name' => $parts[1] ?? '',
            'description' => $bio,
            'role' => $role,
            'user_registered' => '2021-12-01 09:00:00',
        ]), "user $login");
    }

    // Application passwords, stored as WordPress stores them (hashed), with a fixed plain text.
    $app = static function (int $user, string $name, string $plain, string $uuid): void {
        update_user_meta($user, WP_Application_Passwords::USERMETA_KEY_APPLICATION_PASSWORDS, [[
            'uuid' => $uuid,
            'app_id' => '',
            'name' => $name,
            'password' => wp_hash_password($plain),
            'created' => 1640995200,
            'last_used' => null,
            'last_ip' => null,
        ]]);
    };
    $app(1, 'gateway tests (admin)', ADMIN_APP_PASSWORD, '6f1b3a52-0c52-4d3e-9a11-000000000001');
    $app($uid['editor'], 'gateway tests (editor)', EDITOR_APP_PASSWORD, '6f1b3a52-0c52-4d3e-9a11-000000000002');
    update_option(WP_Application_Passwords::OPTION_KEY_IN_USE, true);

    // -- terms: categories 2..12, tags 13..24 --------------------------------------------------------
    $cat = ['uncategorized' => 1];
    $categories = [
        // slug => [name, parent slug, description]
        'news' => ['News', null, 'Everything that happened.'],
        'world' => ['World', 'news', ''],
        'europe' => ['Europe', 'world', 'Third level: News › World › Europe.'],
        'local' => ['Local', 'news', ''],
        'technology' => ['Technology', null, ''],
        'programming' => ['Programming', 'technology', ''],
        'php' => ['PHP', 'programming', 'Third level: Technology › Programming › PHP.'],
        'javascript' => ['JavaScript', 'programming', ''],
        'arts-culture' => ['Arts & Culture', null, 'An ampersand in a term name: WordPress stores it as &amp;.'],
        'music' => ['Music', 'arts-culture', ''],
        'empty' => ['Empty Category', null, 'Has no posts on purpose.'],
    ];
    foreach ($categories as $slug => [$name, $parent, $description]) {
        $term = wpgw_check(wp_insert_term($name, 'category', [
            'slug' => $slug,
            'parent' => $parent ? $cat[$parent] : 0,
            'description' => $description,
        ]), "category $slug");
        $cat[$slug] = (int) $term['term_id'];
    }
    $tag = [];
    $tags = [
        'graphql' => 'GraphQL', 'rest-api' => 'REST API', 'wordpress' => 'WordPress', 'cafe' => 'Café',
        'q-and-a' => 'Q&A', 'launch' => '🚀 Launch', 'zurich' => 'Zürich', 'long-read' => 'long read',
        'photo' => 'photo', 'video' => 'video', 'interview' => 'interview', 'quotes' => '“Quotes”',
    ];
    foreach ($tags as $slug => $name) {
        $term = wpgw_check(wp_insert_term($name, 'post_tag', ['slug' => $slug]), "tag $slug");
        $tag[$slug] = (int) $term['term_id'];
    }
    $tagIds = array_values($tag);

    // -- posts 100..339: published --------------------------------------------------------------------
    $authors = [1, $uid['editor'], $uid['zoe'], $uid['jl']];
    $categoryCycle = [
        [$cat['europe']], [$cat['world']], [$cat['local']], [$cat['news']], [$cat['php']], [$cat['javascript']],
        [$cat['programming']], [$cat['technology']], [$cat['music']], [$cat['arts-culture']],
        [$cat['uncategorized']], [$cat['europe'], $cat['php']],
    ];
    $specialTitles = [
        101 => 'Don’t “quote” me: Tom & Jerry <3 — déjà vu 🎉',
        102 => 'It\'s "straight" quotes & <em>emphasis</em>',
        103 => 'Already encoded: &amp; &lt;b&gt; &#8217;',
        104 => 'Emoji only title 🎉🚀 and a family 👩‍👩‍👧',
        105 => str_repeat('A very long title that keeps going, ', 6) . 'the end',
        106 => '',
    ];
    $base = new DateTimeImmutable('2022-01-03 08:15:00', new DateTimeZone('Europe/Paris'));
    $published = [];
    for ($i = 0; $i < 240; $i++) {
        $id = 100 + $i;
        // Every 3 days, at a varying hour between 08:15 and 18:15: spans two years and four DST changes.
        $local = $base->modify('+' . (3 * $i) . ' days')->modify('+' . (($i * 7) % 11) . ' hours');
        [$date, $dateGmt] = wpgw_dates($local->format('Y-m-d H:i:s'));
        $title = $specialTitles[$id] ?? sprintf('Post %d: %s', $id, ucfirst(wpgw_words($i, 4)));
        $paragraphs = [];
        for ($p = 0; $p < 3 + $i % 4; $p++) {
            $paragraphs[] = '<p>' . ucfirst(wpgw_words($i * 5 + $p, 24 + ($p * 5) % 17)) . '.</p>';
        }
        if ($i % 4 === 1) {
            array_splice($paragraphs, 1, 0, ['<!--more-->']);
        }
        if ($i % 10 === 3) {
            $paragraphs[] = "<!-- wp:paragraph -->\n<p>A block paragraph with <a href=\"https://example.test/\">a link</a> & an ampersand.</p>\n<!-- /wp:paragraph -->";
        }
        $args = [
            'import_id' => $id,
            'post_type' => 'post',
            'post_status' => 'publish',
            'post_author' => $authors[$i % 4],
            'post_title' => $title,
            'post_content' => implode("\n\n", $paragraphs),
            // A hand-written excerpt on every fifth post; the rest get WordPress's automatic one.
            'post_excerpt' => $i % 5 === 0 ? "Hand-written excerpt for post $id — “quoted” & short." : '',
            'post_date' => $date,
            'post_date_gmt' => $dateGmt,
            'comment_status' => $i % 9 === 8 ? 'closed' : 'open',
            'post_category' => $categoryCycle[$i % count($categoryCycle)],
            'tags_input' => $i % 7 === 0 ? [] : array_unique([
                $tagIds[$i % count($tagIds)],
                ...($i % 3 === 0 ? [$tagIds[($i * 5 + 3) % count($tagIds)]] : []),
            ]),
        ];
        wpgw_check(wp_insert_post($args, true), "post $id");
        if ($i % 17 === 5) {
            set_post_format($id, 'aside');
        }
        $published[] = $id;
    }

    // -- posts 340..345: one of each status that is not plainly public -------------------------------
    $special = [
        340 => ['publish', $uid['zoe'], 'Members-only report', '2024-01-15 10:00:00', ['post_password' => 'letmein']],
        341 => ['private', $uid['editor'], 'Private editorial note', '2024-01-10 10:00:00', []],
        342 => ['draft', $uid['hidden'], 'Draft by the hidden author', '2024-01-05 10:00:00', []],
        343 => ['pending', $uid['hidden'], 'Pending review by the hidden author', '2024-01-06 10:00:00', []],
        344 => ['future', $uid['zoe'], 'Scheduled for 2099', '2099-01-01 09:00:00', []],
        345 => ['trash', $uid['jl'], 'Trashed post', '2023-12-31 10:00:00', []],
    ];
    foreach ($special as $id => [$status, $author, $title, $local, $extra]) {
        [$date, $dateGmt] = wpgw_dates($local);
        $args = [
            'import_id' => $id,
            'post_type' => 'post',
            'post_status' => $status,
            'post_author' => $author,
            'post_title' => $title,
            'post_content' => "<p>The body of “{$title}”. Secret words: swordfish & marlin.</p>",
            'post_excerpt' => $id === 340 ? 'A hand-written excerpt of a protected post.' : '',
            'post_date' => $date,
            'post_category' => [$cat['news']],
        ] + $extra;
        // Drafts and pending posts keep a "floating" date (date_gmt zero), as the editor leaves them.
        if (!in_array($status, ['draft', 'pending'], true)) {
            $args['post_date_gmt'] = $dateGmt;
        }
        wpgw_check(wp_insert_post($args, true), "post $id ($status)");
    }
    stick_post(100);
    stick_post(250);

    // -- pages 1000..1005 ------------------------------------------------------------------------------
    $pages = [
        1000 => ['About', 0, 'publish', 1],
        1001 => ['Team', 1000, 'publish', 1],
        1002 => ['Leadership & Board', 1001, 'publish', 1],
        1003 => ['Contact', 0, 'publish', 2],
        1004 => ['Draft page', 0, 'draft', 3],
        1005 => ['Private page', 1000, 'private', 4],
    ];
    foreach ($pages as $id => [$title, $parent, $status, $order]) {
        [$date, $dateGmt] = wpgw_dates('2021-12-' . (10 + $id - 1000) . ' 12:00:00');
        wpgw_check(wp_insert_post([
            'import_id' => $id,
            'post_type' => 'page',
            'post_status' => $status,
            'post_author' => 1,
            'post_title' => $title,
            'post_parent' => $parent,
            'menu_order' => $order,
            'post_content' => '<p>' . ucfirst(wpgw_words($id, 30)) . '.</p>',
            'post_date' => $date,
            'post_date_gmt' => $dateGmt,
            'comment_status' => 'closed',
        ], true), "page $id");
    }

    // -- attachments 2000..2026 -------------------------------------------------------------------------
    // Metadata only: WordPress serves media records from _wp_attached_file and _wp_attachment_metadata and
    // never looks for the files (their URLs 404). Sizes follow WordPress's defaults (thumbnail 150×150
    // cropped, medium ≤300, medium_large 768 wide, large ≤1024, 1536x1536).
    $sizesFor = static function (string $stem, string $ext, string $mime, int $w, int $h): array {
        $sizes = [];
        $add = static function (string $name, int $sw, int $sh) use (&$sizes, $stem, $ext, $mime): void {
            $sizes[$name] = [
                'file' => "$stem-{$sw}x{$sh}.$ext",
                'width' => $sw,
                'height' => $sh,
                'mime-type' => $mime,
                'filesize' => intdiv($sw * $sh, 6),
            ];
        };
        if ($w > 150 || $h > 150) {
            $add('thumbnail', 150, 150);
        }
        $fit = static fn (int $max) => $w >= $h ? [$max, (int) round($h * $max / $w)] : [(int) round($w * $max / $h), $max];
        if ($w > 300 || $h > 300) {
            $add('medium', ...$fit(300));
        }
        if ($w > 768) {
            $add('medium_large', 768, (int) round($h * 768 / $w));
        }
        if ($w > 1024 || $h > 1024) {
            $add('large', ...$fit(1024));
        }
        if ($w > 1536 || $h > 1536) {
            $add('1536x1536', ...$fit(1536));
        }
        return $sizes;
    };
    $imageMeta = [
        'aperture' => '0', 'credit' => '', 'camera' => '', 'caption' => '', 'created_timestamp' => '0',
        'copyright' => '', 'focal_length' => '0', 'iso' => '0', 'shutter_speed' => '0', 'title' => '',
        'orientation' => '0', 'keywords' => [],
    ];
    $attach = static function (int $id, int $parent, string $title, string $file, string $mime, array $meta, string $alt, string $caption, string $dateLocal): void {
        [$date, $dateGmt] = wpgw_dates($dateLocal);
        wpgw_check(wp_insert_attachment([
            'import_id' => $id,
            'post_title' => $title,
            'post_excerpt' => $caption,
            'post_content' => $caption === '' ? '' : "Description of “{$title}”.",
            'post_mime_type' => $mime,
            'post_status' => 'inherit',
            'post_author' => 1,
            'post_date' => $date,
            'post_date_gmt' => $dateGmt,
        ], $file, $parent, true), "attachment $id");
        wp_update_attachment_metadata($id, $meta);
        if ($alt !== '') {
            update_post_meta($id, '_wp_attachment_image_alt', $alt);
        }
    };
    $dimensions = [[1920, 1080], [1600, 1200], [1200, 800], [800, 1200]];
    for ($k = 0; $k < 24; $k++) {
        $id = 2000 + $k;
        $parent = 100 + 3 * $k; // the first post that features it
        $post = get_post($parent);
        [$w, $h] = $dimensions[$k % 4];
        $ext = $k % 5 === 4 ? 'png' : 'jpg';
        $mime = $ext === 'png' ? 'image/png' : 'image/jpeg';
        $stem = sprintf('image-%02d', $k);
        $file = substr($post->post_date, 0, 4) . '/' . substr($post->post_date, 5, 2) . "/$stem.$ext";
        $attach($id, $parent, sprintf('Image %02d — “%s”', $k, wpgw_words($k, 2)), $file, $mime, [
            'width' => $w,
            'height' => $h,
            'file' => $file,
            'filesize' => intdiv($w * $h, 5),
            'sizes' => $sizesFor($stem, $ext, $mime, $w, $h),
            'image_meta' => $imageMeta,
        ], $k % 2 === 0 ? "Alt text for image $k & friends" : '', $k % 3 === 0 ? "Caption <em>$k</em>" : '', $post->post_date);
    }
    $attach(2024, 102, 'Annual report 2022', '2022/01/annual-report-2022.pdf', 'application/pdf',
        ['filesize' => 482113], '', '', '2022-01-06 09:00:00');
    $attach(2025, 0, 'Unattached photo', '2023/06/unattached.jpg', 'image/jpeg', [
        'width' => 1200, 'height' => 800, 'file' => '2023/06/unattached.jpg', 'filesize' => 190000,
        'sizes' => $sizesFor('unattached', 'jpg', 'image/jpeg', 1200, 800), 'image_meta' => $imageMeta,
    ], 'An unattached photo', '', '2023-06-01 12:00:00');
    $attach(2026, 0, 'Tiny icon', '2023/06/tiny.png', 'image/png', [
        'width' => 96, 'height' => 64, 'file' => '2023/06/tiny.png', 'filesize' => 2100, 'sizes' => [],
        'image_meta' => $imageMeta,
    ], '', '', '2023-06-02 12:00:00');

    // Featured images: every third published post (80 posts), image 2000 + (i/3) % 24.
    for ($i = 0; $i < 240; $i += 3) {
        wpgw_check(set_post_thumbnail(100 + $i, 2000 + intdiv($i, 3) % 24), 'featured image of post ' . (100 + $i));
    }
    wpgw_check(set_post_thumbnail(340, 2025), 'featured image of post 340');

    // -- comments (ids from 2; wp_install's comment 1 went with its post) --------------------------------
    // Every comment but the pingback has an email: WordPress picks a random gravatar host (0-2.gravatar.com)
    // for avatars without one, which would make author_avatar_urls differ between requests.
    $comment = static function (int $post, array $data, string $dateLocal) use ($uid): int {
        [$date, $dateGmt] = wpgw_dates($dateLocal);
        $user = $data['user'] ?? null;
        $author = $user ? get_userdata($uid[$user] ?? $user) : null;
        return (int) wpgw_check(wp_insert_comment([
            'comment_post_ID' => $post,
            'comment_parent' => $data['parent'] ?? 0,
            'comment_author' => $author ? $author->display_name : $data['name'],
            'comment_author_email' => $author ? $author->user_email : ($data['email'] ?? ''),
            'comment_author_url' => $data['url'] ?? '',
            'comment_author_IP' => '127.0.0.1',
            'comment_agent' => 'seed.php',
            'comment_content' => $data['content'],
            'comment_approved' => $data['approved'] ?? 1,
            'comment_type' => $data['type'] ?? 'comment',
            'user_id' => $author ? $author->ID : 0,
            'comment_date' => $date,
            'comment_date_gmt' => $dateGmt,
        ]), "comment on $post");
    };
    $d = substr(get_post(110)->post_date, 0, 10);
    $c = [];
    $c['top'] = $comment(110, ['name' => 'Ann Onymous', 'email' => 'ann@example.test', 'content' => 'First! A top-level comment with “quotes” & an ampersand.'], "$d 19:00:00");
    $c['reply'] = $comment(110, ['user' => 'editor', 'parent' => $c['top'], 'content' => 'A reply from the editor.'], "$d 19:30:00");
    $c['reply2'] = $comment(110, ['user' => 'zoe', 'parent' => $c['reply'], 'content' => 'A reply to the reply (depth 3).'], "$d 20:00:00");
    $c['second'] = $comment(110, ['user' => 'sam', 'content' => 'A second top-level comment, by a subscriber.'], "$d 20:30:00");
    $c['hold'] = $comment(110, ['name' => 'Pending Pete', 'email' => 'pete@example.test', 'content' => 'Awaiting moderation: hidden from anonymous readers.', 'approved' => 0], "$d 21:00:00");
    $c['spam'] = $comment(110, ['name' => 'Spammy McSpam', 'email' => 'spam@example.test', 'url' => 'https://spam.example.test/', 'content' => 'Buy cheap pills', 'approved' => 'spam'], "$d 21:30:00");
    $c['trash'] = $comment(110, ['name' => 'Trashed Tom', 'email' => 'tom@example.test', 'content' => 'A trashed comment.', 'approved' => 'trash'], "$d 22:00:00");
    $c['reply3'] = $comment(110, ['name' => 'Søren Ærø', 'email' => 'soren@example.test', 'parent' => $c['top'], 'content' => 'A second reply to the first comment, anonymous, accented name.'], "$d 22:30:00");
    $c['holdReply'] = $comment(110, ['name' => 'Pending Paula', 'email' => 'paula@example.test', 'parent' => $c['reply'], 'content' => 'A reply awaiting moderation.', 'approved' => 0], "$d 23:00:00");
    $c['pingback'] = $comment(111, ['name' => 'Another blog', 'url' => 'https://other.example.test/post', 'content' => '[…] a pingback […]', 'type' => 'pingback'], substr(get_post(111)->post_date, 0, 10) . ' 23:00:00');
    $c['protected'] = $comment(340, ['name' => 'Member Mia', 'email' => 'mia@example.test', 'content' => 'A comment on the password-protected post.'], '2024-01-15 12:00:00');
    // One approved comment on every other published post: 120 more, so comment lists cross REST pages too.
    for ($i = 0; $i < 240; $i += 2) {
        $post = 100 + $i;
        if ($post === 110) {
            continue;
        }
        $comment($post, ['name' => $i % 4 === 0 ? 'Reader Rémi' : 'Reader “Q” O’Neil', 'email' => 'reader@example.test', 'content' => 'Comment on post ' . $post . ': ' . wpgw_words($i, 12) . '.'], substr(get_post($post)->post_date, 0, 10) . ' 21:45:00');
    }

    // Menus first: their term ids (26-28) come right after the tags, the genres after them.
    $menus = wpgw_seed_menus();
    wpgw_seed_discovery();
    wpgw_seed_upload_files();
    wpgw_seed_revisions();

    wp_defer_comment_counting(false);
    wp_defer_term_counting(false);
    flush_rewrite_rules(false);
    update_option('wpgw_seed', SEED_VERSION);
    $wpdb->query('COMMIT');
} catch (Throwable $e) {
    $wpdb->query('ROLLBACK');
    fwrite(STDERR, 'seed failed: ' . $e->getMessage() . "\n" . $e->getTraceAsString() . "\n");
    exit(1);
}

/**
 * Issue #13 (discovery): content of the custom types that tests/wordpress/mu-plugins/wpgw-discovery.php
 * registers. Kept in one function so other seed changes merge cleanly. Ids: books 3000–3003, chapters
 * 3100–3103 (3101 and 3102 children of 3100, 3103 a child of 3101); genre terms by slug (fiction > mystery,
 * poetry), their ids follow the categories and tags.
 */
function wpgw_seed_discovery(): void
{
    if (!post_type_exists('book') || !taxonomy_exists('genre')) {
        throw new RuntimeException('the wpgw-discovery must-use plugin is not loaded (start.sh installs it)');
    }
    $fiction = wpgw_check(wp_insert_term('Fiction', 'genre', ['slug' => 'fiction', 'description' => 'Made-up stories']), 'genre fiction');
    $mystery = wpgw_check(wp_insert_term('Mystery & Crime', 'genre', ['slug' => 'mystery', 'parent' => $fiction['term_id']]), 'genre mystery');
    $poetry = wpgw_check(wp_insert_term('Poetry', 'genre', ['slug' => 'poetry']), 'genre poetry');
    update_term_meta($fiction['term_id'], 'color', '#aa3300');
    $books = [
        3000 => ['The Gateway’s Tale', [$fiction['term_id']], ['isbn' => '978-3-16-148410-0', 'page_count' => 320, 'rating' => 4.5, 'in_print' => true, 'editions' => [2001, 2010], 'dimensions' => ['width' => 13.5, 'height' => 21.0]], 2],
        3001 => ['Murder & REST', [$mystery['term_id']], ['isbn' => '978-0-00-000001-1', 'page_count' => 212, 'rating' => 3.25, 'in_print' => false, 'editions' => [1999], 'dimensions' => ['width' => 11.0, 'height' => 18.0]], 3],
        3002 => ['Odes to Loopback', [$poetry['term_id'], $fiction['term_id']], ['isbn' => '978-0-00-000002-8', 'page_count' => 64, 'rating' => 5, 'in_print' => true, 'editions' => [], 'dimensions' => ['width' => 15.0, 'height' => 15.0]], 2],
        3003 => ['Untitled Draft Book', [], [], 2],
    ];
    $i = 0;
    foreach ($books as $id => [$title, $genres, $meta, $author]) {
        [$date, $dateGmt] = wpgw_dates(sprintf('2023-03-%02d 10:00:00', 10 + $i));
        wpgw_check(wp_insert_post([
            'import_id' => $id,
            'post_type' => 'book',
            'post_status' => $id === 3003 ? 'draft' : 'publish',
            'post_author' => $author,
            'post_title' => $title,
            'post_name' => sanitize_title($title),
            'post_content' => '<p>' . ucfirst(wpgw_words($id, 40)) . '.</p>',
            'post_excerpt' => $id === 3000 ? 'A tale of batching.' : '',
            'post_date' => $date,
            'post_date_gmt' => $dateGmt,
            'comment_status' => 'open',
        ], true), "book $id");
        wp_set_object_terms($id, $genres, 'genre');
        foreach ($meta as $key => $value) {
            update_post_meta($id, $key, $value);
        }
        $i++;
    }
    set_post_thumbnail(3000, 2000);
    // Posts carry genres too, though the taxonomy is registered on books only: gateway-discovery.test.ts registers
    // it for posts in one test (term relationships do not depend on the registration).
    wp_set_object_terms(100, [$fiction['term_id']], 'genre');
    wp_set_object_terms(101, [$mystery['term_id']], 'genre');
    $chapters = [3100 => ['Part One', 0, 1], 3101 => ['Chapter 1: Requests', 3100, 1], 3102 => ['Chapter 2: Batches', 3100, 2], 3103 => ['Section 1.1: Include', 3101, 1]];
    foreach ($chapters as $id => [$title, $parent, $order]) {
        [$date, $dateGmt] = wpgw_dates('2023-04-01 09:00:00');
        wpgw_check(wp_insert_post([
            'import_id' => $id,
            'post_type' => 'chapter',
            'post_status' => 'publish',
            'post_author' => 2,
            'post_title' => $title,
            'post_name' => sanitize_title($title),
            'post_parent' => $parent,
            'menu_order' => $order,
            'post_content' => '<p>' . ucfirst(wpgw_words($id, 25)) . '.</p>',
            'post_date' => $date,
            'post_date_gmt' => $dateGmt,
        ], true), "chapter $id");
        update_post_meta($id, 'word_count', 1000 + $id - 3100);
    }
}

/**
 * Seed 4: the attachments' files on disk (uploads/), one per file their metadata names (the original and each
 * size), each exactly as long as the metadata's `filesize` says, as a real upload leaves them. WPGraphQL's
 * `fileSize` stats the file (`filesize()`, Registry/Utils/PostObject.php, Type/ObjectType/MediaSize.php) while REST
 * reports the metadata: with no files WPGraphQL said 0. Sparse files (ftruncate): the length is all that is read.
 * Writes no rows, so no id moves.
 */
function wpgw_seed_upload_files(): void
{
    $ids = get_posts(['post_type' => 'attachment', 'post_status' => 'inherit', 'numberposts' => -1, 'fields' => 'ids', 'orderby' => 'ID', 'order' => 'ASC']);
    $write = static function (string $path, int $bytes): void {
        if (!is_dir(dirname($path)) && !mkdir(dirname($path), 0775, true)) {
            throw new RuntimeException("cannot create " . dirname($path));
        }
        $handle = fopen($path, 'wb');
        if ($handle === false || !ftruncate($handle, $bytes)) {
            throw new RuntimeException("cannot write $path");
        }
        fclose($handle);
        // The server's PHP (www-data) owns uploads: start.sh hands it the directory before seeding as root.
        if (function_exists('posix_getuid') && posix_getuid() === 0) {
            @chown($path, 'www-data');
            @chown(dirname($path), 'www-data');
            @chown(dirname($path, 2), 'www-data');
        }
    };
    foreach ($ids as $id) {
        $original = get_attached_file($id);
        $meta = wp_get_attachment_metadata($id);
        if (!$original || !is_array($meta) || !isset($meta['filesize'])) {
            throw new RuntimeException("attachment $id has no file or no filesize in its metadata");
        }
        $write($original, (int) $meta['filesize']);
        foreach ($meta['sizes'] ?? [] as $size) {
            $write(path_join(dirname($original), $size['file']), (int) $size['filesize']);
        }
    }
}

$count = static fn (string $sql) => (int) $wpdb->get_var($sql);
printf(
    "seeded (seed %s) in %.1fs: %d published posts, %d other posts, %d pages, %d attachments, %d users, %d categories, %d tags, %d comments; comment ids %s\n",
    SEED_VERSION,
    microtime(true) - $started,
    $count("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type='post' AND post_status='publish'"),
    $count("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type='post' AND post_status<>'publish'"),
    $count("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type='page'"),
    $count("SELECT COUNT(*) FROM {$wpdb->posts} WHERE post_type='attachment'"),
    $count("SELECT COUNT(*) FROM {$wpdb->users}"),
    $count("SELECT COUNT(*) FROM {$wpdb->term_taxonomy} WHERE taxonomy='category'"),
    $count("SELECT COUNT(*) FROM {$wpdb->term_taxonomy} WHERE taxonomy='post_tag'"),
    $count("SELECT COUNT(*) FROM {$wpdb->comments}"),
    json_encode($c)
);
echo 'menus ', json_encode($menus), "\n";
$GLOBALS['wpgw_done'] = true;

/**
 * Issue #12 item 6 (previews): revisions and an autosave, stored as WordPress stores them (`revision` posts,
 * status `inherit`, named `<parent>-revision-v1` / `<parent>-autosave-v1`, comments closed), on existing content
 * so that no list, total or other id changes. Fixed ids 5000–5004; each revision is dated after its parent, the
 * newest last: the newest is what `_links.predecessor-version` names and WPGraphQL's `asPreview` answers.
 *
 * - post 337 (the editor's, with a featured image): two revisions by the editor, then the editor's autosave 5002;
 * - page 1003 (Contact): one revision 5003 by the administrator;
 * - draft post 342 (the hidden author's): one revision 5004 by the editor.
 */
function wpgw_seed_revisions(): void
{
    $revisions = [
        5000 => [337, 'revision', 2, '2024-02-01 10:00:00', 'Revised once: post 337', 'First revision of post 337.'],
        5001 => [337, 'revision', 2, '2024-02-02 10:00:00', 'Revised twice: post 337 — “quoted” & more', 'Second revision of post 337, with <em>emphasis</em>.'],
        5002 => [337, 'autosave', 2, '2024-02-03 10:00:00', 'Autosaved: post 337 (unsaved edits)', 'The editor’s autosave of post 337: changes not yet saved.'],
        5003 => [1003, 'revision', 1, '2024-02-04 10:00:00', 'Contact us (revised)', 'A revised contact page.'],
        5004 => [342, 'revision', 2, '2024-02-05 10:00:00', 'Draft, revised by the editor', 'The editor’s revision of the draft.'],
    ];
    foreach ($revisions as $id => [$parent, $kind, $author, $local, $title, $text]) {
        [$date, $dateGmt] = wpgw_dates($local);
        wpgw_check(wp_insert_post([
            'import_id' => $id,
            'post_type' => 'revision',
            'post_status' => 'inherit',
            'post_parent' => $parent,
            'post_name' => "$parent-$kind-v1",
            'post_author' => $author,
            'post_title' => $title,
            'post_content' => "<p>$text</p>",
            'post_excerpt' => '',
            'post_date' => $date,
            'post_date_gmt' => $dateGmt,
        ], true), "revision $id of $parent");
    }
}
