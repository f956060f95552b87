import { scoreHarm } from '../src/guard/detectors/harm/index.js';
for (const t of process.argv.slice(2)) console.log(JSON.stringify(scoreHarm(t, { readsRequest: true } as any)).slice(0, 600));
