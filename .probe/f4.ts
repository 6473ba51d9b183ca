import { z } from 'zod';
z.config({ jitless: true });
const { DEFAULT_CYCLES } = await import('../shared/form');
export const handler = () => DEFAULT_CYCLES;
