/**
 * Draws a share card: satori lays the text out (wrapping, right to left for Arabic and
 * Hebrew) into SVG with the glyphs as paths, and resvg rasterises it to PNG. Fonts are
 * passed in, so this works offline with fonts from npm (see `cardFonts`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';
import sharp from 'sharp';
import { CARD_HEIGHT, CARD_WIDTH, type CardContent } from './cards.ts';
import { textDirection } from './i18n/index.ts';

/** Colours of a card. */
export interface CardColours {
  ink: string;
  paper: string;
  accent: string;
}

/** Font files from @fontsource packages: Noto Sans (Latin, Cyrillic) and Noto Sans Arabic, 400 and 700. */
const FONT_FILES: { family: string; file: string; weight: 400 | 700 }[] = [400, 700].flatMap((weight) => [
  { family: 'Noto Sans', file: `@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff`, weight },
  {
    family: 'Noto Sans Cyrillic',
    file: `@fontsource/noto-sans/files/noto-sans-cyrillic-${weight}-normal.woff`,
    weight,
  },
  {
    family: 'Noto Sans Arabic',
    file: `@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-${weight}-normal.woff`,
    weight,
  },
]) as { family: string; file: string; weight: 400 | 700 }[];

/**
 * The card fonts, read from node_modules: no network, no system fonts.
 *
 * @example
 * cardFonts().length; // 6
 */
export function cardFonts(): Font[] {
  const require = createRequire(import.meta.url);
  return FONT_FILES.map(({ family, file, weight }) => ({
    name: family,
    data: readFileSync(require.resolve(file)),
    weight,
    style: 'normal',
  }));
}

interface Element {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Element | string)[] | string; src?: string };
}

const el = (
  type: string,
  style: Record<string, string | number>,
  children?: (Element | string)[] | string,
): Element => ({
  type,
  props: { style, ...(children !== undefined && { children }) },
});

/** Headline size that keeps a long wire headline inside the card, still legible as a thumbnail. */
function headlineSize(text: string): number {
  const length = [...text].length;
  if (length <= 50) return 68;
  if (length <= 90) return 58;
  if (length <= 140) return 48;
  return 40;
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
function clip(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max).join('');
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

/**
 * The satori element tree of a card (plain objects, no JSX). A card in a right-to-left
 * language is laid out with `direction: rtl`, as `dir="rtl"` lays out a page: its rows and
 * lines start at the right, and satori's bidi algorithm takes right to left as the base
 * direction of the text. Without it a line is a left-to-right paragraph that merely sits at
 * the right: its Arabic words are still reordered, but the brackets, guillemets and
 * punctuation at either end of it resolve to left to right, so `ثقافة (كتب)` shows its
 * brackets facing the wrong way and on the wrong sides.
 *
 * @example
 * cardTree(content, { ink: '#14213d', paper: '#fff', accent: '#c1121f' }).props.style?.width; // 1200
 */
export function cardTree(content: CardContent, colours: CardColours, photo?: string): Element {
  const direction = textDirection(content.lang);
  const rtl = direction === 'rtl';
  // Rows start at the right in a right-to-left card: the start of a line is its start either way.
  const align = 'flex-start';
  const textAlign = rtl ? 'right' : 'left';
  const onPhoto = photo !== undefined;
  const text = onPhoto ? '#ffffff' : colours.ink;
  const headline = clip(content.headline, 200);
  // The dateline names the place, the day and the agency; its closing dash belongs to running text.
  const footer = content.dateline.replace(/[.\s–—-]+$/u, '');
  const children: Element[] = [];
  if (photo) {
    children.push({
      type: 'img',
      props: {
        src: photo,
        style: { position: 'absolute', top: 0, left: 0, width: CARD_WIDTH, height: CARD_HEIGHT, objectFit: 'cover' },
      },
    });
    children.push(
      el('div', {
        position: 'absolute',
        top: 0,
        left: 0,
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        backgroundImage: 'linear-gradient(to bottom, rgba(0,0,0,0.25), rgba(0,0,0,0.85))',
      }),
    );
  }
  children.push(
    // Positioned, so the text is painted over the photo and its shade (which are positioned too).
    el('div', { display: 'flex', justifyContent: align, position: 'relative' }, [
      el(
        'div',
        {
          display: 'flex',
          fontSize: 30,
          fontWeight: 700,
          color: onPhoto ? '#ffffff' : colours.accent,
          textTransform: 'uppercase',
          letterSpacing: 1,
        },
        content.label,
      ),
    ]),
    el(
      'div',
      {
        display: 'flex',
        flexGrow: 1,
        alignItems: 'center',
        justifyContent: align,
        fontSize: headlineSize(headline),
        fontWeight: 700,
        lineHeight: 1.18,
        color: text,
        textAlign,
        position: 'relative',
      },
      [el('div', { display: 'flex', justifyContent: align, textAlign }, headline)],
    ),
    el(
      'div',
      {
        display: 'flex',
        flexDirection: 'row',
        justifyContent: 'space-between',
        alignItems: 'flex-end',
        borderTop: `4px solid ${onPhoto ? '#ffffff' : colours.accent}`,
        paddingTop: 20,
        fontSize: 28,
        color: text,
        position: 'relative',
      },
      [el('div', { display: 'flex' }, footer || ' '), el('div', { display: 'flex', fontWeight: 700 }, content.site)],
    ),
  );
  return el(
    'div',
    {
      display: 'flex',
      flexDirection: 'column',
      direction,
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      padding: '56px 64px 48px',
      backgroundColor: onPhoto ? '#000000' : colours.paper,
      borderLeft: rtl ? 'none' : `16px solid ${colours.accent}`,
      borderRight: rtl ? `16px solid ${colours.accent}` : 'none',
      fontFamily: 'Noto Sans, Noto Sans Cyrillic, Noto Sans Arabic',
      position: 'relative',
    },
    children,
  );
}

/**
 * A story photo as a card's background: cropped to the card's 1.91:1 around what draws the
 * eye (sharp's attention strategy, so faces are not cut off), at the card's size, as a JPEG
 * data URL. Any format astro:assets takes (JPEG, PNG, WebP, AVIF...) works, and resvg never
 * decodes a full-size wire photo.
 *
 * @example
 * await cardPhoto('content/efe/photo.jpg'); // "data:image/jpeg;base64,/9j/..."
 */
export async function cardPhoto(file: string): Promise<string> {
  const jpeg = await sharp(file)
    .rotate()
    .resize(CARD_WIDTH, CARD_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
    .jpeg({ quality: 85 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}

/**
 * Renders a card to PNG bytes.
 *
 * @example
 * const png = await renderCard(content, cardFonts(), { ink: '#14213d', paper: '#fff', accent: '#c1121f' });
 * png.subarray(1, 4).toString(); // "PNG"
 */
export async function renderCard(content: CardContent, fonts: Font[], colours: CardColours): Promise<Buffer> {
  const photo = content.photo && (await cardPhoto(content.photo.file));
  const svg = await satori(cardTree(content, colours, photo) as Parameters<typeof satori>[0], {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    fonts,
  });
  return new Resvg(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } }).render().asPng();
}
