// Types for withResolvers.mjs: it exports nothing, it only adds Promise.withResolvers where missing.
export {};
