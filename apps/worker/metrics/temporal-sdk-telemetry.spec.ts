import { temporalSdkTelemetry } from './temporal-sdk-telemetry.js';

describe('the Temporal SDK metrics exporter settings', () => {
  it('exports nothing without TEMPORAL_METRICS_PORT', () => {
    expect(temporalSdkTelemetry({ host: '0.0.0.0', temporalMetricsPort: undefined })).toBeUndefined();
  });

  it('binds Prometheus on HOST:TEMPORAL_METRICS_PORT, named in seconds with unit and _total suffixes', () => {
    expect(temporalSdkTelemetry({ host: '0.0.0.0', temporalMetricsPort: 9465 })).toEqual({
      metrics: { prometheus: { bindAddress: '0.0.0.0:9465', useSecondsForDurations: true, unitSuffix: true, countersTotalSuffix: true } },
    });
  });

  it('puts an IPv6 host in brackets, as a socket address needs', () => {
    expect(temporalSdkTelemetry({ host: '::', temporalMetricsPort: 9465 })).toMatchObject({
      metrics: { prometheus: { bindAddress: '[::]:9465' } },
    });
  });
});
