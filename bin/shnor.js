#!/usr/bin/env node
// `shnor` command: runs the TypeScript CLI through tsx's CommonJS loader (no build step needed).
"use strict";
require("tsx/cjs");
require("../src/cli/run.ts");
