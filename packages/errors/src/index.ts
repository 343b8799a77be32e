export const errorsPackageName = '@tsunagi/errors';
