/** The package version, kept equal to package.json's by a test (read at build time would break the CJS/ESM split). */
export const version = '0.2.0';
