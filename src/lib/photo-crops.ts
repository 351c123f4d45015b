/**
 * Which crops of a story's photo its structured data lists. Google's Article guidance asks
 * for the article's own photo in 16:9, 4:3 and 1:1, high resolution (at least 50,000
 * pixels; 1200 px wide or more is best). This module only chooses the sizes; the story page
 * has astro:assets cut and encode them (src/data/photo-crops.ts).
 */

/** An aspect ratio, in lowest terms: 16:9 is `{ width: 16, height: 9 }`. */
export interface AspectRatio {
  width: number;
  height: number;
}

/** One crop to make: its ratio as written (`16:9`) and its exact size in pixels. */
export interface CropSize {
  ratio: string;
  width: number;
  height: number;
}

/** What {@link photoCrops} makes, and its limits. */
export interface CropOptions {
  /** The ratios to cut, in this order when two crops have as many pixels. */
  ratios?: readonly AspectRatio[] | undefined;
  /** No crop is wider than this. */
  maxWidth?: number | undefined;
  /** A crop with fewer pixels than this is left out. */
  minPixels?: number | undefined;
}

/** The ratios Google asks an article's images in: 16:9, 4:3 and 1:1. */
export const ARTICLE_RATIOS: readonly AspectRatio[] = [
  { width: 16, height: 9 },
  { width: 4, height: 3 },
  { width: 1, height: 1 },
];
/** Wide enough for Google's large previews (Discover asks for 1200 px), no wider: each crop is a file in `dist/`. */
export const CROP_MAX_WIDTH = 1200;
/** Google's floor for an article image (width times height). */
export const CROP_MIN_PIXELS = 50_000;

const positiveWhole = (value: number) => Number.isInteger(value) && value > 0;

/**
 * The crops of a photo of `source` size to list in a story's structured data: for each ratio,
 * the largest crop the photo holds, at most `maxWidth` wide and never larger than the photo
 * in either direction (a crop is cut, never scaled up). Sizes are whole multiples of the
 * ratio (1064x798 for 4:3, not 1066x800), so every crop has its ratio exactly. A crop under
 * `minPixels` is left out, so a small photo may give fewer crops, or none. Largest first
 * (by pixels); ties keep the order of `ratios`.
 *
 * @example
 * photoCrops({ width: 1200, height: 800 });
 * // [{ ratio: '4:3', width: 1064, height: 798 }, { ratio: '16:9', width: 1200, height: 675 },
 * //  { ratio: '1:1', width: 800, height: 800 }]
 * photoCrops({ width: 300, height: 200 }); // [{ ratio: '4:3', width: 264, height: 198 }]
 */
export function photoCrops(source: { width: number; height: number }, options: CropOptions = {}): CropSize[] {
  const { ratios = ARTICLE_RATIOS, maxWidth = CROP_MAX_WIDTH, minPixels = CROP_MIN_PIXELS } = options;
  if (!positiveWhole(source.width) || !positiveWhole(source.height)) {
    throw new RangeError(`photoCrops: the photo's size must be whole pixels, not ${source.width}x${source.height}`);
  }
  const crops: CropSize[] = [];
  for (const ratio of ratios) {
    if (!positiveWhole(ratio.width) || !positiveWhole(ratio.height)) {
      throw new RangeError(`photoCrops: a ratio must be whole numbers, not ${ratio.width}:${ratio.height}`);
    }
    const widest = Math.min(maxWidth, source.width);
    const times = Math.floor(Math.min(widest / ratio.width, source.height / ratio.height));
    const crop = { ratio: `${ratio.width}:${ratio.height}`, width: ratio.width * times, height: ratio.height * times };
    if (times > 0 && crop.width * crop.height >= minPixels) crops.push(crop);
  }
  // Array.prototype.sort is stable: equal sizes keep the ratios' order.
  return crops.sort((a, b) => b.width * b.height - a.width * a.height);
}
