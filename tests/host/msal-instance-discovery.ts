// MSAL (inside the Agents SDK's token provider) asks login.microsoftonline.com
// whether an authority host it does not know is valid, and the SDK offers no
// way to declare a known authority. Tests that let the SDK fetch the bot's own
// token from the Entra emulator send that one discovery request to the emulator,
// which answers it in Entra's format; every other request is left alone.
import type { EntraEmulator } from '../../emulators/entra/entra-emulator.js';

const instanceDiscovery = 'https://login.microsoftonline.com/common/discovery/instance';

/** Returns a function that undoes the routing. */
export function routeInstanceDiscoveryTo(entra: EntraEmulator): () => void {
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.startsWith(instanceDiscovery)) return realFetch(`${entra.url}/common/discovery/instance${url.slice(instanceDiscovery.length)}`, init);
    return realFetch(input, init);
  };
  return () => {
    globalThis.fetch = realFetch;
  };
}
