/** Where `npm start` tells `npm run remind` (same DATA_DIR) how to reach its DynamoDB Local: removed when it stops. */
export const LOCAL_SERVICES_FILE = 'local-services.json';
