#!/usr/bin/env node
'use strict';
require('../dist/hosts/audit/cli.js').run();
