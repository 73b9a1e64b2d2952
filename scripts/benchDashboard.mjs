// The dashboard's figures (docs/dashboard.md; recorded in docs/benchmarks.md, "Dashboard figures"):
// the server computing a municipality of 10,000 cases, and a phone computing a school of 10,000.
// Run through `npm run bench` (which builds first), or `npm run build && node scripts/benchDashboard.mjs`.
import { benchDashboardDevice } from './benchDashboardDevice.mjs';
import { benchDashboardServer } from './benchDashboardServer.mjs';

await benchDashboardServer();
await benchDashboardDevice();
