export * from './schema';
export * from './form-2014';
export * from './cycles';
export * from './countries';
