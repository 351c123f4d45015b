/**
 * Site icons, all drawn from the one logo SVG (src/assets/logo.svg): PNGs at any size, a
 * `favicon.ico` holding PNG images, and the web app manifest.
 */
import { Resvg } from '@resvg/resvg-js';

/** The PNG icons the site serves, by file name. */
export const PNG_ICONS = {
  'apple-touch-icon.png': 180,
  'icon-192.png': 192,
  'icon-512.png': 512,
} as const;

/** Sizes inside favicon.ico. */
export const ICO_SIZES = [16, 32, 48] as const;

/**
 * Rasterises an SVG to a square PNG of `size` pixels. With `background`, the logo is set on
 * that colour with a margin (an Apple touch icon is shown without transparency).
 *
 * @example
 * iconPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', 32).subarray(1, 4).toString(); // "PNG"
 */
export function iconPng(svg: string, size: number, background?: string): Buffer {
  let source = svg;
  if (background) {
    const inner = Buffer.from(svg).toString('base64');
    const margin = Math.round(size * 0.1);
    source =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">` +
      `<rect width="${size}" height="${size}" fill="${background}"/>` +
      `<image x="${margin}" y="${margin}" width="${size - 2 * margin}" height="${size - 2 * margin}" ` +
      `href="data:image/svg+xml;base64,${inner}"/></svg>`;
  }
  return new Resvg(source, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } })
    .render()
    .asPng();
}

/**
 * An ICO file holding PNG images (allowed since Windows Vista and read by every browser).
 *
 * @example
 * icoFromPngs([{ size: 16, png }]).readUInt16LE(2); // 1 (an icon)
 */
export function icoFromPngs(images: readonly { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, index) => {
    const entry = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, entry);
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2);
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

/**
 * The web app manifest: name, colours and the PNG icons.
 *
 * @example
 * webManifest({ name: 'Wire Reader', description: 'News', lang: 'en', themeColor: '#c1121f', background: '#fff' }).icons.length; // 2
 */
export function webManifest(site: {
  name: string;
  description: string;
  lang: string;
  themeColor: string;
  background: string;
}) {
  return {
    name: site.name,
    short_name: site.name,
    description: site.description,
    lang: site.lang,
    start_url: '/',
    scope: '/',
    display: 'browser',
    theme_color: site.themeColor,
    background_color: site.background,
    icons: (['icon-192.png', 'icon-512.png'] as const).map((file) => ({
      src: `/${file}`,
      sizes: `${PNG_ICONS[file]}x${PNG_ICONS[file]}`,
      type: 'image/png',
    })),
  };
}
