import type { APIRoute } from 'astro';
import logo from '../assets/logo.svg?raw';

/** The SVG favicon: the logo itself. */
export const GET: APIRoute = () => new Response(logo, { headers: { 'Content-Type': 'image/svg+xml' } });
