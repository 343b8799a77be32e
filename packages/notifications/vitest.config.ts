import { tsunagiProject } from '@tsunagi/vitest-config';

export default tsunagiProject();
