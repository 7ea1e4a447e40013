#!/usr/bin/env node
// The command's entry. It is committed (dist/ is not), so that installing the workspace can link the command
// before anything is built.
import '../dist/cli.js';
