<?php
/**
 * Plugin Name: wpgw discovery fixtures
 * Description: What the gateway must discover with no code of its own (issue #13): a flat and a hierarchical
 *              custom post type, a custom taxonomy, registered meta of every REST scalar kind (and an array and an
 *              object), and Yoast SEO's `yoast_head_json` / `yoast_head` REST fields in Yoast's documented shape.
 *
 * Installed by tests/wordpress/start.sh into this site's wp-content/mu-plugins on every start (so seed.php, which
 * loads WordPress from the CLI, sees the same registrations as the server). Part of the test suite only.
 *
 * Built-in collections (posts, pages, categories, tags) are left exactly as WordPress serves them, so the demo
 * site's fidelity test still compares like with like: the genre taxonomy and Yoast's fields are registered on the
 * custom types only. gateway-discovery.test.ts adds them to posts for one test (a must-use plugin it writes and
 * removes), which is where built-in types gaining discovered fields are checked.
 */

add_action('init', static function (): void {
    register_post_type('book', [
        'label' => 'Books',
        'labels' => ['name' => 'Books', 'singular_name' => 'Book'],
        'public' => true,
        'show_in_rest' => true,
        'rest_base' => 'books',
        'has_archive' => true,
        'hierarchical' => false,
        'supports' => ['title', 'editor', 'excerpt', 'author', 'thumbnail', 'comments', 'custom-fields'],
        'rewrite' => ['slug' => 'books'],
    ]);
    register_post_type('chapter', [
        'label' => 'Chapters',
        'labels' => ['name' => 'Chapters', 'singular_name' => 'Chapter'],
        'public' => true,
        'show_in_rest' => true,
        'rest_base' => 'chapters',
        'hierarchical' => true,
        'supports' => ['title', 'editor', 'page-attributes', 'custom-fields'],
        'rewrite' => ['slug' => 'chapters'],
    ]);
    register_taxonomy('genre', ['book'], [
        'labels' => ['name' => 'Genres', 'singular_name' => 'Genre'],
        'public' => true,
        'hierarchical' => true,
        'show_in_rest' => true,
        'rest_base' => 'genres',
        'rewrite' => ['slug' => 'genre'],
    ]);

    // One registered key of each kind REST describes.
    $meta = [
        'isbn' => ['type' => 'string', 'description' => 'ISBN-13', 'default' => ''],
        'page_count' => ['type' => 'integer', 'description' => 'Number of pages', 'default' => 0],
        'rating' => ['type' => 'number', 'description' => 'Average rating, 0 to 5', 'default' => 0],
        'in_print' => ['type' => 'boolean', 'description' => 'Still in print', 'default' => false],
        'editions' => [
            'type' => 'array',
            'description' => 'Edition years',
            'default' => [],
            'show_in_rest' => ['schema' => ['type' => 'array', 'items' => ['type' => 'integer']]],
        ],
        'dimensions' => [
            'type' => 'object',
            'description' => 'Size in centimetres',
            'default' => ['width' => 0, 'height' => 0],
            'show_in_rest' => [
                'schema' => [
                    'type' => 'object',
                    'properties' => ['width' => ['type' => 'number'], 'height' => ['type' => 'number']],
                    'additionalProperties' => false,
                ],
            ],
        ],
    ];
    foreach ($meta as $key => $args) {
        register_post_meta('book', $key, $args + ['single' => true, 'show_in_rest' => true]);
    }
    register_post_meta('chapter', 'word_count', ['type' => 'integer', 'single' => true, 'show_in_rest' => true, 'default' => 0]);
    register_term_meta('genre', 'color', ['type' => 'string', 'single' => true, 'show_in_rest' => true, 'default' => '']);
});

/** Yoast SEO's `yoast_head_json` for a post, in the shape Yoast documents (developer.yoast.com, REST API). */
function wpgw_yoast_for_post(array $record): array
{
    $post = get_post($record['id']);
    $url = get_permalink($post);
    $title = html_entity_decode(get_the_title($post), ENT_QUOTES) . ' - ' . get_bloginfo('name');
    $description = wp_trim_words(wp_strip_all_tags((string) $post->post_content), 20, '…');
    $words = str_word_count(wp_strip_all_tags((string) $post->post_content));
    $minutes = max(1, (int) ceil($words / 200));
    $head = [
        'title' => $title,
        'description' => $description,
        'robots' => [
            'index' => 'index',
            'follow' => 'follow',
            'max-snippet' => 'max-snippet:-1',
            'max-image-preview' => 'max-image-preview:large',
            'max-video-preview' => 'max-video-preview:-1',
        ],
        'canonical' => $url,
        'og_locale' => 'en_US',
        'og_type' => 'article',
        'og_title' => $title,
        'og_description' => $description,
        'og_url' => $url,
        'og_site_name' => get_bloginfo('name'),
        'article_publisher' => 'https://www.facebook.com/wpgw-test',
        'article_published_time' => get_post_time('c', true, $post),
        'article_modified_time' => get_post_modified_time('c', true, $post),
        'author' => get_the_author_meta('display_name', (int) $post->post_author),
        'twitter_card' => 'summary_large_image',
        'twitter_creator' => '@wpgw_author',
        'twitter_site' => '@wpgw_test',
        'twitter_misc' => [
            'Written by' => get_the_author_meta('display_name', (int) $post->post_author),
            'Est. reading time' => $minutes . ' minute' . ($minutes === 1 ? '' : 's'),
        ],
        'schema' => [
            '@context' => 'https://schema.org',
            '@graph' => [
                ['@type' => 'WebPage', '@id' => $url, 'url' => $url, 'name' => $title],
                [
                    '@type' => 'BreadcrumbList',
                    '@id' => $url . '#breadcrumb',
                    'itemListElement' => [
                        ['@type' => 'ListItem', 'position' => 1, 'name' => 'Home', 'item' => home_url('/')],
                        ['@type' => 'ListItem', 'position' => 2, 'name' => html_entity_decode(get_the_title($post), ENT_QUOTES)],
                    ],
                ],
            ],
        ],
    ];
    $thumbnail = get_post_thumbnail_id($post);
    if ($thumbnail) {
        $image = wp_get_attachment_image_src($thumbnail, 'full');
        if ($image) {
            $head['og_image'] = [['width' => $image[1], 'height' => $image[2], 'url' => $image[0], 'type' => get_post_mime_type($thumbnail)]];
        }
    }
    if ((int) $post->ID % 2 === 1) {
        $head['robots']['index'] = 'noindex';
        $head['twitter_title'] = 'Twitter: ' . $title;
        $head['twitter_description'] = 'Twitter: ' . $description;
    }
    return $head;
}

/** Yoast's `yoast_head_json` for a term archive. */
function wpgw_yoast_for_term(array $record): array
{
    $term = get_term($record['id']);
    $url = get_term_link($term);
    $title = html_entity_decode($term->name, ENT_QUOTES) . ' Archives - ' . get_bloginfo('name');
    return [
        'title' => $title,
        'robots' => ['index' => 'index', 'follow' => 'follow', 'max-snippet' => 'max-snippet:-1',
            'max-image-preview' => 'max-image-preview:large', 'max-video-preview' => 'max-video-preview:-1'],
        'canonical' => $url,
        'og_locale' => 'en_US',
        'og_type' => 'article',
        'og_title' => $title,
        'og_url' => $url,
        'og_site_name' => get_bloginfo('name'),
        'twitter_card' => 'summary_large_image',
        'schema' => ['@context' => 'https://schema.org', '@graph' => [['@type' => 'CollectionPage', '@id' => $url, 'url' => $url, 'name' => $title]]],
    ];
}

/** Yoast's `yoast_head`: the same, as the HTML it prints in <head> (what WPGraphQL Yoast SEO's `fullHead` is). */
function wpgw_yoast_head_html(array $json): string
{
    $html = '<title>' . esc_html($json['title']) . "</title>\n";
    if (!empty($json['description'])) {
        $html .= '<meta name="description" content="' . esc_attr($json['description']) . "\" />\n";
    }
    $html .= '<meta name="robots" content="' . esc_attr(implode(', ', array_values($json['robots']))) . "\" />\n";
    $html .= '<link rel="canonical" href="' . esc_url($json['canonical']) . "\" />\n";
    $html .= '<meta property="og:title" content="' . esc_attr($json['og_title']) . "\" />\n";
    $html .= '<script type="application/ld+json" class="yoast-schema-graph">' . wp_json_encode($json['schema']) . "</script>\n";
    return $html;
}

add_action('rest_api_init', static function (): void {
    $posts = ['get_callback' => static fn (array $r) => wpgw_yoast_for_post($r), 'schema' => ['type' => 'object', 'context' => ['view', 'edit', 'embed'], 'readonly' => true, 'description' => 'Yoast SEO head values']];
    $postsHtml = ['get_callback' => static fn (array $r) => wpgw_yoast_head_html(wpgw_yoast_for_post($r)), 'schema' => ['type' => 'string', 'context' => ['view', 'edit', 'embed'], 'readonly' => true, 'description' => 'Yoast SEO head HTML']];
    $terms = ['get_callback' => static fn (array $r) => wpgw_yoast_for_term($r), 'schema' => $posts['schema']];
    $termsHtml = ['get_callback' => static fn (array $r) => wpgw_yoast_head_html(wpgw_yoast_for_term($r)), 'schema' => $postsHtml['schema']];
    register_rest_field(['book', 'chapter'], 'yoast_head_json', $posts);
    register_rest_field(['book', 'chapter'], 'yoast_head', $postsHtml);
    register_rest_field(['genre'], 'yoast_head_json', $terms);
    register_rest_field(['genre'], 'yoast_head', $termsHtml);
});

// Yoast adds its REST namespace to the index; so does this fixture, for `check` to report.
add_action('rest_api_init', static function (): void {
    register_rest_route('yoast/v1', '/get_head', [
        'methods' => 'GET',
        'permission_callback' => '__return_true',
        'callback' => static fn () => ['status' => 200],
    ]);
});
