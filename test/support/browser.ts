// A real Chromium from npm (@sparticuz/chromium ships the binary in the package) driven by
// playwright-core. Its Lambda-oriented flags that weaken the browser's own security (same-origin policy,
// mixed content) are dropped: the console is tested under the rules real users' browsers apply.
import sparticuz from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const WEAKENING = new Set(['--disable-web-security', '--allow-running-insecure-content', '--disable-site-isolation-trials']);
// One process for the whole browser suits Lambda; here it would end the browser with its first closed context.
const LAMBDA_ONLY = new Set(['--single-process', '--no-zygote']);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: await sparticuz.executablePath(),
    args: sparticuz.args.filter((arg) => !WEAKENING.has(arg) && !LAMBDA_ONLY.has(arg)),
    headless: true,
  });
}
