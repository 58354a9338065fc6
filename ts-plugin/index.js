// tsserver loads plugins with require() and old Node resolution (no "exports" map), so this folder is real.
module.exports = require('../dist/hosts/tsserver/index.js');
