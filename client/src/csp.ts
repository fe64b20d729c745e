import { z } from 'zod';

// The server's content security policy allows no eval: zod parses without compiling
// parsers through new Function, and never probes whether it may.
z.config({ jitless: true });
