/**
 * Debian's Chromium for the browser checks, started the one way this machine
 * allows: headless, no sandbox, and none of the background connections a
 * closed network refuses (DEVELOPERS.md, "Toolchain facts").
 */
import { chromium, type Browser } from 'playwright-core'

/** Where Debian installs Chromium (`apt-get install -y chromium`). */
export const CHROMIUM = '/usr/bin/chromium'

/** Starts headless Chromium with the project's flags. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}
