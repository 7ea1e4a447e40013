// Formatting: readable tables, the goals with PASS/MISS, and the closing `BENCH {...}` line.

const fixed = (value, digits = 1) => (typeof value === 'number' ? value.toFixed(digits) : String(value));
const verdict = (pass) => (pass ? 'PASS' : 'MISS');

/** Columns padded to their widest cell; the first column left-aligned, the others right-aligned. */
export function table(headers, rows, indent = '  ') {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row) => indent + row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ');
  return [line(cells[0]), indent + widths.map((width) => '-'.repeat(width)).join('   '), ...cells.slice(1).map(line)].join('\n');
}

export function printHeader(machine) {
  console.log('@acronis-reports/core benchmark');
  console.log(`Node ${machine.node} on ${machine.platform}; CPU: ${machine.cpu} x ${machine.cores} cores; ${machine.memoryGb} GB RAM`);
  console.log(`Simulator in this process at ${machine.simulator}: its work shares this event loop, and is shown as its own share.`);
  console.log('The download (section 3) uses a simulator in a child process instead: memory figures there are the downloading side only.');
  if (!machine.gcExposed) console.log('warning: run with node --expose-gc so that memory is measured from a collected baseline');
}

export function printOverhead(o) {
  console.log(`\n1. Per-call overhead: client.getReport(id) vs openapi-fetch with one bearer middleware (${o.rounds} rotated rounds x ${o.callsPerRound} sequential calls, median)`);
  const row = (name, s) => [name, fixed(s.medianUs), fixed(s.simulatorUs), fixed(s.clientSideUs), s.roundsUs.map((v) => fixed(v)).join(' ')];
  console.log(
    table(
      ['side', 'us/call', 'simulator us/request', 'client-side us (total - simulator)', 'rounds us/call'],
      [row('bare fetch', o.bare), row('openapi-fetch + bearer', o.bearer), row('client', o.client)],
    ),
  );
  console.log(`  ratio client/(openapi-fetch + bearer): ${fixed(o.ratio, 3)} (goal <= ${o.goal}) ${verdict(o.ratio <= o.goal)}`);
  console.log(`  for information: client/bare ${fixed(o.clientBareRatio, 3)}, openapi-fetch + bearer/bare ${fixed(o.bearerBareRatio, 3)}`);
  console.log('  (simulator us = its logged handlingMs: routing, validation, answer; node:http parsing on both ends stays in the client-side figure)');
}

export function printTokens(t) {
  console.log(`\n2. Token requests for ${t.calls} concurrent getReport calls of a fresh client (Promise.all)`);
  console.log(
    table(
      ['requestToken', 'fetchReport', 'failed', 'answered', 'wall ms'],
      [[t.tokenRequests, t.getRequests, t.getFailures, t.answered, t.wallMs]],
    ),
  );
  console.log(`  token requests: ${t.tokenRequests} (goal ${t.goal}) ${verdict(t.tokenRequests === t.goal)}`);
}

export function printDownload(d) {
  const mb = d.decompressedBytes / 1024 / 1024;
  console.log(`\n3. Download of a ${fixed(mb)} MB csv_v2_0 file (${fixed(d.compressedBytes / 1024 / 1024)} MB gzip on the wire) to disk`);
  console.log(`  simulator (own process): measured the file in ${fixed(d.simulator.measureSeconds, 2)} s (${fixed(d.simulator.measureMbPerSecond)} MB/s render+gzip+hash);`);
  console.log('                          serving it alone is the first row below (MB/s of decompressed bytes, nothing decoded or written)');
  const sim = d.simulator;
  const row = (name, s) => [name, fixed(s.seconds, 2), fixed(s.mbPerSecond), fixed(s.beyondSimulatorSeconds, 2), fixed(s.peakRssGrowthMb), fixed(s.peakHeapGrowthMb), fixed(s.peakBuffersGrowthMb), s.sha256Matches ? 'match' : 'DIFFERENT'];
  console.log(
    table(
      ['side', 'wall s', 'MB/s', 's beyond simulator-only', 'peak RSS +MB', 'peak heap +MB', 'peak buffers +MB', 'SHA-256 on disk'],
      [
        ['simulator only (node:http, discarded)', fixed(sim.serveSeconds, 2), fixed(sim.serveMbPerSecond), '-', fixed(sim.peakRssGrowthMb), fixed(sim.peakHeapGrowthMb), fixed(sim.peakBuffersGrowthMb), '-'],
        row('bare fetch -> fs stream', d.bare),
        row('downloadStoredReport + saveDownload', d.client),
      ],
    ),
  );
  const memory = Math.max(d.client.peakRssGrowthMb, d.client.peakHeapGrowthMb);
  console.log('  (memory is this process only: the simulator renders and gzips in its own; RSS does not shrink after GC, so a later pass may show less)');
  console.log(`  throughput ratio client/bare: ${fixed(d.throughputRatio, 3)} (goal >= ${d.goals.throughputRatio}) ${verdict(d.throughputRatio >= d.goals.throughputRatio)}; on time beyond the simulator: ${fixed(d.beyondSimulatorRatio, 3)}`);
  console.log(`  client memory growth (max of peak RSS and peak heap): ${fixed(memory)} MB (goal < ${d.goals.memoryGrowthMb} MB) ${verdict(memory < d.goals.memoryGrowthMb)}; the simulator-only pass: ${fixed(Math.max(sim.peakRssGrowthMb, sim.peakHeapGrowthMb))} MB`);
}

export function printPolling(p) {
  console.log(`\n4. Polling a report that takes ${p.generationDelayMs / 1000} s to generate -- on the SIMULATED clock (sleeps advance it; no real waiting)`);
  console.log(
    table(
      ['loop', 'stored-list requests', 'other requests', 'noticed late by (simulated s)'],
      [
        ['client.waitForStoredReports (defaults)', p.client.storedListRequests, `${p.client.reportRequests} getReport`, fixed(p.client.noticeDelayMs / 1000, 2)],
        [`vendor samples: GET /stored every ${p.vendor.intervalMs / 1000} s`, p.vendor.storedListRequests, '0', fixed(p.vendor.noticeDelayMs / 1000, 2)],
      ],
    ),
  );
  const factor = p.vendor.storedListRequests / p.client.storedListRequests;
  console.log(`  client pauses (ms): ${p.client.pauses.join(' ')}`);
  console.log(`  the client polls ${fixed(factor, 2)}x less (goal >= ${p.goals.fewerRequestsFactor}x) ${verdict(factor >= p.goals.fewerRequestsFactor)}; notices ${fixed(p.client.noticeDelayMs / 1000, 2)} s late (goal <= ${p.goals.noticeDelayMs / 1000} s) ${verdict(p.client.noticeDelayMs <= p.goals.noticeDelayMs)}`);
}

export function printLines(l) {
  const f = l.file;
  console.log(`\n5. Billing lines from a ${fixed(f.bytes / 2 ** 20)} MB csv_v2_0 file on disk (${f.kind} ${f.period.start}..${f.period.end}: ${f.rows} rows -> ${f.lines} lines of ${f.tenants} tenants) vs csv-parse over the same file`);
  const row = (name, s) => [name, fixed(s.seconds, 2), fixed(s.mbPerSecond), s.roundsSeconds.map((v) => fixed(v, 2)).join(' '), fixed(s.peakRssGrowthMb), fixed(s.peakHeapGrowthMb)];
  console.log(table(['side', 'best wall s', 'MB/s', 'rounds s', 'peak RSS +MB', 'peak heap +MB'], [row('csv-parse, records counted', l.csvParse), row('billingLinesOfFile', l.billingLines)]));
  const memory = Math.max(l.billingLines.peakRssGrowthMb, l.billingLines.peakHeapGrowthMb);
  console.log(`  throughput ratio billing lines/csv-parse: ${fixed(l.throughputRatio, 3)} (goal >= ${l.goals.throughputRatio}) ${verdict(l.throughputRatio >= l.goals.throughputRatio)}`);
  console.log(`  billing-lines memory growth (max of peak RSS and peak heap): ${fixed(memory)} MB (goal < ${l.goals.memoryGrowthMb} MB) ${verdict(memory < l.goals.memoryGrowthMb)}`);
}

export function printWatch(w) {
  console.log(`\n6. A trigger's polls (pollWatch, saved files, budget ${w.budget}) over a tenant's history -- one poll a SIMULATED minute`);
  console.log(
    table(
      ['reports', 'before: requests/poll', 'first poll', 'max/poll', 'steady/poll', 'polls to classify', 'state bytes (baseline)', 'state bytes (classified)'],
      w.rows.map((r) => [r.reports, r.before, r.first, r.max, r.steady, r.pollsToClassify, r.baselineStateBytes, r.stateBytes]),
    ),
  );
  const same = w.rows.every((r) => r.max <= w.goals.sameBound);
  console.log(`  max requests per poll <= ${w.goals.sameBound} at every size ${verdict(same)}`);
  const s = w.slow;
  console.log(`  ${s.reports} reports, every request ${s.latencyMs} ms slower, real time: first poll ${s.firstMs} ms (${s.firstRequests} requests), classifying poll ${s.classifyingMs} ms (${s.classifyingRequests}), sample ${s.sampleMs} ms (${s.sampleRequests}); Zapier's step limit ${w.goals.zapierStepMs / 1000} s ${verdict(Math.max(s.firstMs, s.classifyingMs, s.sampleMs) < w.goals.zapierStepMs / 2)}`);
}

/** Every goal with its figure, in the order of the sections. */
export function goalsOf(results) {
  const { overhead: o, tokens: t, download: d, polling: p, lines: l, watch: w } = results;
  const slowest = Math.max(w.slow.firstMs, w.slow.classifyingMs, w.slow.sampleMs);
  const memory = Math.max(d.client.peakRssGrowthMb, d.client.peakHeapGrowthMb);
  const linesMemory = Math.max(l.billingLines.peakRssGrowthMb, l.billingLines.peakHeapGrowthMb);
  const factor = p.vendor.storedListRequests / p.client.storedListRequests;
  return [
    { goal: 'per-call overhead client/(openapi-fetch + bearer) <= 1.10', value: o.ratio, pass: o.ratio <= o.goal },
    { goal: 'token requests per 1000 concurrent calls = 1', value: t.tokenRequests, pass: t.tokenRequests === t.goal && t.getFailures === 0 },
    { goal: 'download throughput client/bare >= 0.8', value: d.throughputRatio, pass: d.throughputRatio >= d.goals.throughputRatio },
    { goal: 'download memory growth < 64 MB', value: memory, pass: memory < d.goals.memoryGrowthMb },
    { goal: 'download SHA-256 on disk matches (both sides)', value: d.bare.sha256Matches && d.client.sha256Matches, pass: d.bare.sha256Matches && d.client.sha256Matches },
    { goal: 'polling: client uses >= 3x fewer requests', value: Number(factor.toFixed(2)), pass: factor >= p.goals.fewerRequestsFactor },
    { goal: 'polling: saved files noticed <= 10 s late', value: p.client.noticeDelayMs, pass: p.client.noticeDelayMs <= p.goals.noticeDelayMs },
    { goal: 'billing lines throughput vs csv-parse >= 0.8', value: l.throughputRatio, pass: l.throughputRatio >= l.goals.throughputRatio },
    { goal: 'billing lines memory growth < 64 MB', value: linesMemory, pass: linesMemory < l.goals.memoryGrowthMb },
    { goal: `watch: requests per poll <= ${w.goals.sameBound} at 50, 500 and 5,000 reports`, value: Math.max(...w.rows.map((r) => r.max)), pass: w.rows.every((r) => r.max <= w.goals.sameBound) },
    { goal: 'watch: a poll at 5,000 reports with 300 ms latency < 15 s', value: slowest, pass: slowest < w.goals.zapierStepMs / 2 },
  ];
}

export function printGoals(goals) {
  console.log('\nGoals');
  console.log(table(['goal', 'value', ''], goals.map((g) => [g.goal, String(g.value), verdict(g.pass)])));
  const missed = goals.filter((g) => !g.pass);
  console.log(missed.length === 0 ? '  all goals met' : `  MISSED ${missed.length} of ${goals.length}: ${missed.map((g) => g.goal).join('; ')}`);
}
