export { errorsPackageName } from '@tsunagi/errors';
