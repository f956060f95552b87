// Starts Azurite's Blob service (the npm devDependency) on a free loopback port
// with a temp workspace, stopped and removed afterwards.
import { devAccount, devKey, startAzuriteService } from './azurite.js';

export interface AzuriteBlob {
  connectionString: string;
  stop(): Promise<void>;
}

export async function startAzuriteBlob(timeoutMs = 30_000): Promise<AzuriteBlob> {
  const { port, stop } = await startAzuriteService('blob', { timeoutMs });
  return {
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${devAccount};AccountKey=${devKey};BlobEndpoint=http://127.0.0.1:${port}/${devAccount};`,
    stop,
  };
}
