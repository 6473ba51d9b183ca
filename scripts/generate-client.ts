/** `npm run client:generate`: writes the typed client's types from the API's OpenAPI document. */
import { writeFileSync } from 'node:fs';
import { openApiDocument } from '../functions/openapi';
import { CLIENT_TYPES_FILE, clientTypes } from './client-types';

writeFileSync(CLIENT_TYPES_FILE, await clientTypes(await openApiDocument()));
process.stdout.write(`wrote ${CLIENT_TYPES_FILE}\n`);
