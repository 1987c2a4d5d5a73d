/**
 * The `OPTIONS` schemas of the custom collections (`/wp/v2/books`, `/wp/v2/chapters`, `/wp/v2/genres`) as
 * the test WordPress 6.1 answers them with tests/wordpress/mu-plugins/wpgw-discovery.php loaded (recorded with
 * `curl '…/wp-json/wp/v2/books?_method=OPTIONS'`, the site's origin replaced by `http://demo.local`, which the
 * server rewrites to its own origin). Discovery reads `schema.properties`: the fields, `meta`'s registered
 * keys and Yoast's `yoast_head_json` / `yoast_head`.
 */
export const CUSTOM_SCHEMAS: Record<'books' | 'chapters' | 'genres', Record<string, unknown>> = {
  books: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'book',
    type: 'object',
    properties: {
      date: {
        description: "The date the post was published, in the site's timezone.",
        type: ['string', 'null'],
        format: 'date-time',
        context: ['view', 'edit', 'embed'],
      },
      date_gmt: {
        description: 'The date the post was published, as GMT.',
        type: ['string', 'null'],
        format: 'date-time',
        context: ['view', 'edit'],
      },
      guid: {
        description: 'The globally unique identifier for the post.',
        type: 'object',
        context: ['view', 'edit'],
        readonly: true,
        properties: {
          raw: {
            description: 'GUID for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
            readonly: true,
          },
          rendered: {
            description: 'GUID for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit'],
            readonly: true,
          },
        },
      },
      id: {
        description: 'Unique identifier for the post.',
        type: 'integer',
        context: ['view', 'edit', 'embed'],
        readonly: true,
      },
      link: {
        description: 'URL to the post.',
        type: 'string',
        format: 'uri',
        context: ['view', 'edit', 'embed'],
        readonly: true,
      },
      modified: {
        description: "The date the post was last modified, in the site's timezone.",
        type: 'string',
        format: 'date-time',
        context: ['view', 'edit'],
        readonly: true,
      },
      modified_gmt: {
        description: 'The date the post was last modified, as GMT.',
        type: 'string',
        format: 'date-time',
        context: ['view', 'edit'],
        readonly: true,
      },
      slug: {
        description: 'An alphanumeric identifier for the post unique to its type.',
        type: 'string',
        context: ['view', 'edit', 'embed'],
      },
      status: {
        description: 'A named status for the post.',
        type: 'string',
        enum: ['publish', 'future', 'draft', 'pending', 'private'],
        context: ['view', 'edit'],
      },
      type: {
        description: 'Type of post.',
        type: 'string',
        context: ['view', 'edit', 'embed'],
        readonly: true,
      },
      password: {
        description: 'A password to protect access to the content and excerpt.',
        type: 'string',
        context: ['edit'],
      },
      permalink_template: {
        description: 'Permalink template for the post.',
        type: 'string',
        context: ['edit'],
        readonly: true,
      },
      generated_slug: {
        description: 'Slug automatically generated from the post title.',
        type: 'string',
        context: ['edit'],
        readonly: true,
      },
      title: {
        description: 'The title for the post.',
        type: 'object',
        context: ['view', 'edit', 'embed'],
        properties: {
          raw: {
            description: 'Title for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
          },
          rendered: {
            description: 'HTML title for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit', 'embed'],
            readonly: true,
          },
        },
      },
      content: {
        description: 'The content for the post.',
        type: 'object',
        context: ['view', 'edit'],
        properties: {
          raw: {
            description: 'Content for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
          },
          rendered: {
            description: 'HTML content for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit'],
            readonly: true,
          },
          block_version: {
            description: 'Version of the content block format used by the post.',
            type: 'integer',
            context: ['edit'],
            readonly: true,
          },
          protected: {
            description: 'Whether the content is protected with a password.',
            type: 'boolean',
            context: ['view', 'edit', 'embed'],
            readonly: true,
          },
        },
      },
      author: {
        description: 'The ID for the author of the post.',
        type: 'integer',
        context: ['view', 'edit', 'embed'],
      },
      excerpt: {
        description: 'The excerpt for the post.',
        type: 'object',
        context: ['view', 'edit', 'embed'],
        properties: {
          raw: {
            description: 'Excerpt for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
          },
          rendered: {
            description: 'HTML excerpt for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit', 'embed'],
            readonly: true,
          },
          protected: {
            description: 'Whether the excerpt is protected with a password.',
            type: 'boolean',
            context: ['view', 'edit', 'embed'],
            readonly: true,
          },
        },
      },
      featured_media: {
        description: 'The ID of the featured media for the post.',
        type: 'integer',
        context: ['view', 'edit', 'embed'],
      },
      comment_status: {
        description: 'Whether or not comments are open on the post.',
        type: 'string',
        enum: ['open', 'closed'],
        context: ['view', 'edit'],
      },
      ping_status: {
        description: 'Whether or not the post can be pinged.',
        type: 'string',
        enum: ['open', 'closed'],
        context: ['view', 'edit'],
      },
      meta: {
        description: 'Meta fields.',
        type: 'object',
        context: ['view', 'edit'],
        properties: {
          isbn: {
            type: 'string',
            description: 'ISBN-13',
            default: '',
          },
          page_count: {
            type: 'integer',
            description: 'Number of pages',
            default: 0,
          },
          rating: {
            type: 'number',
            description: 'Average rating, 0 to 5',
            default: 0,
          },
          in_print: {
            type: 'boolean',
            description: 'Still in print',
            default: false,
          },
          editions: {
            type: 'array',
            description: 'Edition years',
            default: [],
            items: {
              type: 'integer',
            },
          },
          dimensions: {
            type: 'object',
            description: 'Size in centimetres',
            default: {
              width: 0,
              height: 0,
            },
            properties: {
              width: {
                type: 'number',
              },
              height: {
                type: 'number',
              },
            },
            additionalProperties: false,
          },
        },
      },
      template: {
        description: 'The theme file to use to display the post.',
        type: 'string',
        context: ['view', 'edit'],
      },
      genres: {
        description: 'The terms assigned to the post in the genre taxonomy.',
        type: 'array',
        items: {
          type: 'integer',
        },
        context: ['view', 'edit'],
      },
      yoast_head_json: {
        type: 'object',
        context: ['view', 'edit', 'embed'],
        readonly: true,
        description: 'Yoast SEO head values',
      },
      yoast_head: {
        type: 'string',
        context: ['view', 'edit', 'embed'],
        readonly: true,
        description: 'Yoast SEO head HTML',
      },
    },
    links: [
      {
        rel: 'https://api.w.org/action-publish',
        title: 'The current user can publish this post.',
        href: 'http://demo.local/wp-json/wp/v2/books/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            status: {
              type: 'string',
              enum: ['publish', 'future'],
            },
          },
        },
      },
      {
        rel: 'https://api.w.org/action-unfiltered-html',
        title: 'The current user can post unfiltered HTML markup and JavaScript.',
        href: 'http://demo.local/wp-json/wp/v2/books/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            content: {
              raw: {
                type: 'string',
              },
            },
          },
        },
      },
      {
        rel: 'https://api.w.org/action-assign-author',
        title: 'The current user can change the author on this post.',
        href: 'http://demo.local/wp-json/wp/v2/books/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            author: {
              type: 'integer',
            },
          },
        },
      },
      {
        rel: 'https://api.w.org/action-assign-genres',
        title: 'The current user can assign terms in the genre taxonomy.',
        href: 'http://demo.local/wp-json/wp/v2/books/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            genres: {
              type: 'array',
              items: {
                type: 'integer',
              },
            },
          },
        },
      },
      {
        rel: 'https://api.w.org/action-create-genres',
        title: 'The current user can create terms in the genre taxonomy.',
        href: 'http://demo.local/wp-json/wp/v2/books/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            genres: {
              type: 'array',
              items: {
                type: 'integer',
              },
            },
          },
        },
      },
    ],
  },
  chapters: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'chapter',
    type: 'object',
    properties: {
      date: {
        description: "The date the post was published, in the site's timezone.",
        type: ['string', 'null'],
        format: 'date-time',
        context: ['view', 'edit', 'embed'],
      },
      date_gmt: {
        description: 'The date the post was published, as GMT.',
        type: ['string', 'null'],
        format: 'date-time',
        context: ['view', 'edit'],
      },
      guid: {
        description: 'The globally unique identifier for the post.',
        type: 'object',
        context: ['view', 'edit'],
        readonly: true,
        properties: {
          raw: {
            description: 'GUID for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
            readonly: true,
          },
          rendered: {
            description: 'GUID for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit'],
            readonly: true,
          },
        },
      },
      id: {
        description: 'Unique identifier for the post.',
        type: 'integer',
        context: ['view', 'edit', 'embed'],
        readonly: true,
      },
      link: {
        description: 'URL to the post.',
        type: 'string',
        format: 'uri',
        context: ['view', 'edit', 'embed'],
        readonly: true,
      },
      modified: {
        description: "The date the post was last modified, in the site's timezone.",
        type: 'string',
        format: 'date-time',
        context: ['view', 'edit'],
        readonly: true,
      },
      modified_gmt: {
        description: 'The date the post was last modified, as GMT.',
        type: 'string',
        format: 'date-time',
        context: ['view', 'edit'],
        readonly: true,
      },
      slug: {
        description: 'An alphanumeric identifier for the post unique to its type.',
        type: 'string',
        context: ['view', 'edit', 'embed'],
      },
      status: {
        description: 'A named status for the post.',
        type: 'string',
        enum: ['publish', 'future', 'draft', 'pending', 'private'],
        context: ['view', 'edit'],
      },
      type: {
        description: 'Type of post.',
        type: 'string',
        context: ['view', 'edit', 'embed'],
        readonly: true,
      },
      password: {
        description: 'A password to protect access to the content and excerpt.',
        type: 'string',
        context: ['edit'],
      },
      permalink_template: {
        description: 'Permalink template for the post.',
        type: 'string',
        context: ['edit'],
        readonly: true,
      },
      generated_slug: {
        description: 'Slug automatically generated from the post title.',
        type: 'string',
        context: ['edit'],
        readonly: true,
      },
      parent: {
        description: 'The ID for the parent of the post.',
        type: 'integer',
        context: ['view', 'edit'],
      },
      title: {
        description: 'The title for the post.',
        type: 'object',
        context: ['view', 'edit', 'embed'],
        properties: {
          raw: {
            description: 'Title for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
          },
          rendered: {
            description: 'HTML title for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit', 'embed'],
            readonly: true,
          },
        },
      },
      content: {
        description: 'The content for the post.',
        type: 'object',
        context: ['view', 'edit'],
        properties: {
          raw: {
            description: 'Content for the post, as it exists in the database.',
            type: 'string',
            context: ['edit'],
          },
          rendered: {
            description: 'HTML content for the post, transformed for display.',
            type: 'string',
            context: ['view', 'edit'],
            readonly: true,
          },
          block_version: {
            description: 'Version of the content block format used by the post.',
            type: 'integer',
            context: ['edit'],
            readonly: true,
          },
          protected: {
            description: 'Whether the content is protected with a password.',
            type: 'boolean',
            context: ['view', 'edit', 'embed'],
            readonly: true,
          },
        },
      },
      menu_order: {
        description: 'The order of the post in relation to other posts.',
        type: 'integer',
        context: ['view', 'edit'],
      },
      meta: {
        description: 'Meta fields.',
        type: 'object',
        context: ['view', 'edit'],
        properties: {
          word_count: {
            type: 'integer',
            description: '',
            default: 0,
          },
        },
      },
      template: {
        description: 'The theme file to use to display the post.',
        type: 'string',
        context: ['view', 'edit'],
      },
      yoast_head_json: {
        type: 'object',
        context: ['view', 'edit', 'embed'],
        readonly: true,
        description: 'Yoast SEO head values',
      },
      yoast_head: {
        type: 'string',
        context: ['view', 'edit', 'embed'],
        readonly: true,
        description: 'Yoast SEO head HTML',
      },
    },
    links: [
      {
        rel: 'https://api.w.org/action-publish',
        title: 'The current user can publish this post.',
        href: 'http://demo.local/wp-json/wp/v2/chapters/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            status: {
              type: 'string',
              enum: ['publish', 'future'],
            },
          },
        },
      },
      {
        rel: 'https://api.w.org/action-unfiltered-html',
        title: 'The current user can post unfiltered HTML markup and JavaScript.',
        href: 'http://demo.local/wp-json/wp/v2/chapters/{id}',
        targetSchema: {
          type: 'object',
          properties: {
            content: {
              raw: {
                type: 'string',
              },
            },
          },
        },
      },
    ],
  },
  genres: {
    $schema: 'http://json-schema.org/draft-04/schema#',
    title: 'genre',
    type: 'object',
    properties: {
      id: {
        description: 'Unique identifier for the term.',
        type: 'integer',
        context: ['view', 'embed', 'edit'],
        readonly: true,
      },
      count: {
        description: 'Number of published posts for the term.',
        type: 'integer',
        context: ['view', 'edit'],
        readonly: true,
      },
      description: {
        description: 'HTML description of the term.',
        type: 'string',
        context: ['view', 'edit'],
      },
      link: {
        description: 'URL of the term.',
        type: 'string',
        format: 'uri',
        context: ['view', 'embed', 'edit'],
        readonly: true,
      },
      name: {
        description: 'HTML title for the term.',
        type: 'string',
        context: ['view', 'embed', 'edit'],
        required: true,
      },
      slug: {
        description: 'An alphanumeric identifier for the term unique to its type.',
        type: 'string',
        context: ['view', 'embed', 'edit'],
      },
      taxonomy: {
        description: 'Type attribution for the term.',
        type: 'string',
        enum: ['genre'],
        context: ['view', 'embed', 'edit'],
        readonly: true,
      },
      parent: {
        description: 'The parent term ID.',
        type: 'integer',
        context: ['view', 'edit'],
      },
      meta: {
        description: 'Meta fields.',
        type: 'object',
        context: ['view', 'edit'],
        properties: {
          color: {
            type: 'string',
            description: '',
            default: '',
          },
        },
      },
      yoast_head_json: {
        type: 'object',
        context: ['view', 'edit', 'embed'],
        readonly: true,
        description: 'Yoast SEO head values',
      },
      yoast_head: {
        type: 'string',
        context: ['view', 'edit', 'embed'],
        readonly: true,
        description: 'Yoast SEO head HTML',
      },
    },
  },
};
