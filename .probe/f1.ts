import { z } from 'zod';
export const handler = () => z;
