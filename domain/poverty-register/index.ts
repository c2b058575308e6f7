export * from './poverty-register';
export * from './poverty-register-schema';
export * from './register-problems';
export * from './register-counts';
export * from './register-coverage';
