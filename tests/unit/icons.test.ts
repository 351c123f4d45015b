import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { icoFromPngs, iconPng, webManifest } from '../../src/lib/icons';

const logo = readFileSync(new URL('../../src/assets/logo.svg', import.meta.url), 'utf8');
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('iconPng', () => {
  it.each([16, 180, 512])('draws the logo as a %i-pixel square PNG', (size) => {
    const png = iconPng(logo, size);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(pngSize(png)).toEqual([size, size]);
  });

  it('puts an opaque background behind the logo when asked (Apple touch icon)', () => {
    const png = iconPng(logo, 180, '#ffffff');
    expect(pngSize(png)).toEqual([180, 180]);
    expect(png.equals(iconPng(logo, 180))).toBe(false);
  });
});

describe('icoFromPngs', () => {
  it('writes an ICO directory whose entries point at the PNGs', () => {
    const images = [16, 32].map((size) => ({ size, png: iconPng(logo, size) }));
    const ico = icoFromPngs(images);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 2]);
    images.forEach(({ size, png }, index) => {
      const entry = 6 + 16 * index;
      expect(ico.readUInt8(entry)).toBe(size);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.subarray(offset, offset + length).equals(png)).toBe(true);
    });
  });
});

describe('webManifest', () => {
  it('names the site and lists the 192 and 512 pixel icons', () => {
    const manifest = webManifest({
      name: 'Wire Reader',
      description: 'News',
      lang: 'en',
      themeColor: '#c1121f',
      background: '#ffffff',
    });
    expect(manifest.icons).toEqual([
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
    ]);
  });
});
