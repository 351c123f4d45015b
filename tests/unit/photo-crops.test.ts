import { describe, expect, it } from 'vitest';
import { ARTICLE_RATIOS, CROP_MAX_WIDTH, CROP_MIN_PIXELS, photoCrops } from '../../src/lib/photo-crops';

const size = (ratio: string, width: number, height: number) => ({ ratio, width, height });

describe('photoCrops', () => {
  it.each([
    [
      'a 3:2 agency photo 1200 px wide gives all three, each as large as the photo holds, largest first',
      { width: 1200, height: 800 },
      [size('4:3', 1064, 798), size('16:9', 1200, 675), size('1:1', 800, 800)],
    ],
    [
      'a large photo is cut down to 1200 px wide, never wider',
      { width: 6000, height: 4000 },
      [size('1:1', 1200, 1200), size('4:3', 1200, 900), size('16:9', 1200, 675)],
    ],
    [
      'a photo already 16:9 gives a 16:9 crop of its full size',
      { width: 1920, height: 1080 },
      [size('1:1', 1080, 1080), size('4:3', 1200, 900), size('16:9', 1200, 675)],
    ],
    [
      'a portrait photo gives crops as wide as it is',
      { width: 800, height: 1200 },
      [size('1:1', 800, 800), size('4:3', 800, 600), size('16:9', 800, 450)],
    ],
    [
      'a photo narrower than 1200 px is never scaled up',
      { width: 640, height: 480 },
      [size('4:3', 640, 480), size('16:9', 640, 360), size('1:1', 480, 480)],
    ],
    ['a small photo leaves out the crops under 50,000 pixels', { width: 300, height: 200 }, [size('4:3', 264, 198)]],
    ['a thumbnail gives no crop at all', { width: 160, height: 120 }, []],
    ['a sliver too thin for any ratio gives none', { width: 5000, height: 8 }, []],
    ['a 1x1 pixel photo gives none', { width: 1, height: 1 }, []],
  ])('%s', (_, source, expected) => {
    expect(photoCrops(source)).toEqual(expected);
  });

  it('keeps each crop exactly at its ratio, within the photo and the size limits, for many photo sizes', () => {
    for (let width = 50; width <= 3000; width += 37) {
      for (let height = 50; height <= 3000; height += 53) {
        const crops = photoCrops({ width, height });
        for (const crop of crops) {
          const [w = 0, h = 0] = crop.ratio.split(':').map(Number);
          expect(crop.width * h).toBe(crop.height * w);
          expect(crop.width).toBeLessThanOrEqual(Math.min(width, CROP_MAX_WIDTH));
          expect(crop.height).toBeLessThanOrEqual(height);
          expect(crop.width * crop.height).toBeGreaterThanOrEqual(CROP_MIN_PIXELS);
          // As large as possible: one more step of the ratio would not fit.
          expect(crop.width + w > Math.min(width, CROP_MAX_WIDTH) || crop.height + h > height).toBe(true);
        }
        const pixels = crops.map((crop) => crop.width * crop.height);
        expect(pixels).toEqual([...pixels].sort((a, b) => b - a));
      }
    }
  });

  it.each([
    ['a wider limit', { maxWidth: 2000 }, { width: 2400, height: 1600 }, [2000, 1600, 2000]],
    ['a higher pixel floor', { minPixels: 700_000 }, { width: 1200, height: 800 }, [1064, 1200]],
    ['one ratio only', { ratios: [{ width: 1, height: 1 }] }, { width: 1200, height: 800 }, [800]],
  ])('takes %s as an option', (_, options, source, widths) => {
    expect(photoCrops(source, options).map((crop) => crop.width)).toEqual(widths);
  });

  it('keeps the order of the ratios when two crops have as many pixels', () => {
    const ratios = [
      { width: 2, height: 1 },
      { width: 1, height: 2 },
    ];
    expect(photoCrops({ width: 1000, height: 1000 }, { ratios }).map((crop) => crop.ratio)).toEqual(['2:1', '1:2']);
    expect(
      photoCrops({ width: 1000, height: 1000 }, { ratios: [...ratios].reverse() }).map((crop) => crop.ratio),
    ).toEqual(['1:2', '2:1']);
  });

  it('asks for the three ratios of Google’s Article guidance', () => {
    expect(ARTICLE_RATIOS.map(({ width, height }) => `${width}:${height}`)).toEqual(['16:9', '4:3', '1:1']);
  });

  it.each([
    ['a photo without a width', { width: 0, height: 800 }, {}, /size must be whole pixels, not 0x800/],
    ['a photo of fractional size', { width: 1200.5, height: 800 }, {}, /not 1200\.5x800/],
    ['a photo of unknown size', { width: Number.NaN, height: 800 }, {}, /not NaNx800/],
    ['a ratio of zero', { width: 1200, height: 800 }, { ratios: [{ width: 16, height: 0 }] }, /ratio .* not 16:0/],
  ])('refuses %s, naming it', (_, source, options, message) => {
    expect(() => photoCrops(source, options)).toThrow(message);
  });
});
