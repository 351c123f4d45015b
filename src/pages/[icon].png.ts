import type { APIRoute, GetStaticPaths } from 'astro';
import logo from '../assets/logo.svg?raw';
import { iconPng, PNG_ICONS } from '../lib/icons';
import { SITE } from '../lib/site';

export const getStaticPaths = (() =>
  Object.entries(PNG_ICONS).map(([file, size]) => ({
    params: { icon: file.replace(/\.png$/, '') },
    props: { size, opaque: file === 'apple-touch-icon.png' },
  }))) satisfies GetStaticPaths;

/** The PNG icons (Apple touch icon, manifest icons, publisher logo), drawn from the logo. */
export const GET: APIRoute<{ size: number; opaque: boolean }> = ({ props }) =>
  new Response(new Uint8Array(iconPng(logo, props.size, props.opaque ? SITE.brand.paper : undefined)), {
    headers: { 'Content-Type': 'image/png' },
  });
