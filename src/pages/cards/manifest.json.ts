import type { APIRoute } from 'astro';
import { getArchive } from '../../data/archive';
import type { CardManifest } from '../../integrations/cards';
import { SITE } from '../../lib/site';

/** Every share card of the build, for src/integrations/cards.ts, which renders them and removes this file. */
export const GET: APIRoute = async () => {
  const { cards } = await getArchive();
  const manifest: CardManifest = {
    colours: SITE.brand,
    cards: cards.cards.map(({ key, content }) => ({ key, content })),
  };
  return new Response(JSON.stringify(manifest), { headers: { 'Content-Type': 'application/json' } });
};
