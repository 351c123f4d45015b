import type { ImageMetadata } from 'astro';
import { getImage } from 'astro:assets';
import type { SizedImage } from '../lib/jsonld';
import { photoCrops } from '../lib/photo-crops';
import type { StoryImage } from '../lib/story';
import { absoluteUrl } from '../lib/slug';

/**
 * The crops of a story's photo for its structured data (sizes from {@link photoCrops}),
 * cut by astro:assets at build time, largest first, with absolute URLs. Each is a JPEG (the
 * one format every reader of structured data takes), cropped around what draws the eye
 * (sharp's attention strategy, as the share card's photo is), on white where the photo is
 * transparent. astro:assets names each file by its source and options and keeps it in its
 * cache folder, so a rebuild copies it instead of encoding it again. Call it while the page
 * renders, so that an incremental build that keeps the page keeps its crops too. A story
 * without a photo, or with one astro:assets did not read (a bare path), has none.
 *
 * @example
 * const crops = await storyPhotoCrops(story.image, 'https://wire-reader.example/');
 * // [{ url: 'https://wire-reader.example/_astro/photo.Hash.jpg', width: 1064, height: 798 }, ...]
 */
export async function storyPhotoCrops(image: StoryImage | undefined, site: string): Promise<SizedImage[]> {
  if (!image || typeof image.src === 'string') return [];
  const src = image.src as ImageMetadata;
  return Promise.all(
    photoCrops(src).map(async ({ width, height }) => {
      const crop = await getImage({
        src,
        width,
        height,
        fit: 'cover',
        position: 'attention',
        format: 'jpg',
        background: '#ffffff',
      });
      return { url: absoluteUrl(crop.src, site), width, height };
    }),
  );
}
