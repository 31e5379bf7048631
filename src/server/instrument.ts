import { loadTelemetrySettings } from '../config';
import { startTelemetry, type Telemetry } from './telemetry';

const settings = loadTelemetrySettings();

/**
 * Application Insights telemetry, started as this module loads when
 * APPLICATIONINSIGHTS_CONNECTION_STRING is set. `main.ts` imports it before
 * anything else, because OpenTelemetry can only watch HTTP modules loaded after it starts.
 */
export const telemetry: Telemetry | undefined = settings ? startTelemetry(settings) : undefined;
