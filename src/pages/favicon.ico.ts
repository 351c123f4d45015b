import type { APIRoute } from 'astro';
import logo from '../assets/logo.svg?raw';
import { ICO_SIZES, icoFromPngs, iconPng } from '../lib/icons';

/** /favicon.ico, for the browsers and tools that ask for it by that name: the logo at 16, 32 and 48 pixels. */
export const GET: APIRoute = () =>
  new Response(new Uint8Array(icoFromPngs(ICO_SIZES.map((size) => ({ size, png: iconPng(logo, size) })))), {
    headers: { 'Content-Type': 'image/x-icon' },
  });
