export * from './errors';
export * from './model';
export * from './transitions';
export * from './access';
export * from './limits';
export * from './decide';
export * from './reviews';
export * from './cycles';
