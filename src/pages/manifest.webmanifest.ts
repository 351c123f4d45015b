import type { APIRoute } from 'astro';
import { webManifest } from '../lib/icons';
import { SITE } from '../lib/site';

/** The web app manifest, linked from every page. */
export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      webManifest({
        name: SITE.name,
        description: SITE.description,
        lang: SITE.lang,
        themeColor: SITE.brand.accent,
        background: SITE.brand.paper,
      }),
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
