import "reflect-metadata";

process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV ??= "test";
