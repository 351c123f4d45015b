/**
 * A worker thread that renders share cards into the card cache. It gets the cards, the
 * colours and the cache folder as workerData, and posts each card's key when its file is in
 * place. Run by src/integrations/cards.ts; Node runs this TypeScript file directly.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { cardFonts, renderCard, type CardColours } from '../lib/card-render.ts';
import type { CardContent } from '../lib/cards.ts';

const { cards, colours, cacheDir } = workerData as {
  cards: { key: string; content: CardContent }[];
  colours: CardColours;
  cacheDir: string;
};

const fonts = cardFonts();
for (const { key, content } of cards) {
  const png = await renderCard(content, fonts, colours);
  // Write then rename, so a build stopped halfway never leaves half a card in the cache.
  const partial = join(cacheDir, `${key}.${threadId}.partial`);
  writeFileSync(partial, png);
  renameSync(partial, join(cacheDir, `${key}.png`));
  parentPort?.postMessage(key);
}
