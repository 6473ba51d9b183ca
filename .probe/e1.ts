import { z } from '@hono/zod-openapi';
export const handler = () => z;
