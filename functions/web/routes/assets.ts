/** The stylesheet, script and icon under /assets (the icon also at /favicon.ico), cached by browsers for an hour and revalidated by ETag. */
import { Hono, type Context } from 'hono';
import { NotFoundError } from '../../../shared/workflow';
import type { WebEnv } from '../context';

export function assetRoutes(): Hono<WebEnv> {
  return new Hono<WebEnv>().get('/assets/:name', (c) => serve(c, c.req.param('name'))).get('/favicon.ico', (c) => serve(c, 'favicon.svg'));
}

async function serve(c: Context<WebEnv>, name: string): Promise<Response> {
  // The CSS, script and icon (~20 KB of text, hashed for the ETag) load on the first asset request, not at cold start.
  const { ASSETS } = await import('../assets');
  const asset = ASSETS[name];
  if (!asset) throw new NotFoundError('No such asset.');
  c.header('cache-control', 'public, max-age=3600, must-revalidate');
  c.header('etag', asset.etag);
  if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
  return c.body(asset.body, 200, { 'content-type': asset.contentType });
}
