// Grafast reads GRAPHILE_ENV once, when it is first imported, and writes a warning to stderr when neither
// it nor NODE_ENV says the mode (so every `npm start` began with that warning). NODE_ENV decides it here;
// entry points import this module first, before anything that imports Grafast.
process.env.GRAPHILE_ENV ??= process.env.NODE_ENV === 'production' ? 'production' : 'development';
