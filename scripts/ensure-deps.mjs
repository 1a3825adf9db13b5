// Installs npm packages when they are missing, so `npm start` and `npm test` work on a fresh clone.
// Chromium for the browser tests comes from Debian's package where apt-get is usable (as root).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (command) => execSync(command, { stdio: 'inherit' });

// `npm ci`: exactly the committed lockfile, which holds every platform's packages, so every
// machine gets the same tree and the lockfile is never rewritten.
if (!existsSync('node_modules/.package-lock.json')) {
  console.log('Installing npm packages...');
  run('npm ci --no-audit --no-fund');
}

const wantsBrowser = process.argv.includes('--browser');
if (wantsBrowser && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Installing Chromium for the browser tests...');
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.warn('Chromium is missing: install it (apt-get install chromium) to run the browser tests.');
  }
}
