export * from './errors';
export * from './model';
export * from './transitions';
export * from './decide';
