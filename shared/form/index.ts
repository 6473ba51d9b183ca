export * from './schema';
export * from './form-2014';
export * from './cycles';
// Not here: './countries' (the ISO country list, ~25 KB) is loaded where a new participant is named.
