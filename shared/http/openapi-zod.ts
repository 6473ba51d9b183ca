/**
 * zod with `.openapi()`: the one `z` the HTTP schemas are written with. The extension is made here,
 * explicitly, and `z` is this module's own binding: importing it runs the extension first. (Taking `z`
 * from @hono/zod-openapi, whose import extends zod as a side effect, left bundles whose lazy schema
 * chunk imported zod directly and never ran that side effect: `.openapi is not a function`.)
 */
import { extendZodWithOpenApi } from '@hono/zod-openapi';
import { z as zod } from 'zod';

extendZodWithOpenApi(zod);

export const z = zod;
