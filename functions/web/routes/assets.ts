/** The stylesheet and script under /assets, cached by browsers for an hour and revalidated by ETag. */
import { Hono } from 'hono';
import { NotFoundError } from '../../../shared/workflow';
import type { WebEnv } from '../context';

export function assetRoutes(): Hono<WebEnv> {
  return new Hono<WebEnv>().get('/assets/:name', async (c) => {
    // The CSS and script (~20 KB of text, hashed for the ETag) load on the first asset request, not at cold start.
    const { ASSETS } = await import('../assets');
    const asset = ASSETS[c.req.param('name')];
    if (!asset) throw new NotFoundError('No such asset.');
    c.header('cache-control', 'public, max-age=3600, must-revalidate');
    c.header('etag', asset.etag);
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    return c.body(asset.body, 200, { 'content-type': asset.contentType });
  });
}
