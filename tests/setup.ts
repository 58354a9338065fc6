import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, beforeEach, describe, it } from 'vitest';
import { clearConfigClaims } from '../src/analysis/identity/config-reports.js';
import { removeTemporaryFolders } from './temporary-folders.js';

// typescript-eslint's RuleTester needs the test framework's hooks before any tester is created.
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

// Each test is a run of its own: config problems are reported once per run (valid-config).
beforeEach(() => clearConfigClaims());

// The folders a test file made with temporaryFolder go when it ends.
afterAll(() => removeTemporaryFolders());
