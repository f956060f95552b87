// `tsx emulators/app-insights/main.ts`: the ingestion collector alone; prints the connection string.
import { startIngestionCollector } from './ingestion-collector.js';

const collector = await startIngestionCollector({ port: Number(process.env.APP_INSIGHTS_COLLECTOR_PORT ?? 0) });
process.stdout.write(`APPLICATIONINSIGHTS_CONNECTION_STRING=${collector.connectionString}\nlast events: GET ${collector.url}/events\n`);
