-- wrk script for tests/perf/test_schaal.py (_last): after the run, ONE line of JSON on stdout.
-- Times in microseconds, as wrk measures them. wrk's own summary.errors.status counts only answers above 399,
-- so a 302 (say, to the login page) would pass; the benchmark's pages must answer 200, so every thread counts
-- its non-200 answers itself (niet_200, which includes the ones in status) and done() adds them up.
-- Defining response() makes wrk parse the bodies too; that is fine here.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   niet_200 = 0
end

function response(status, headers, body)
   if status ~= 200 then
      niet_200 = niet_200 + 1
   end
end

function done(summary, latency, requests)
   local niet_200_totaal = 0
   for _, thread in ipairs(threads) do
      niet_200_totaal = niet_200_totaal + thread:get("niet_200")
   end
   local e = summary.errors
   io.write(string.format(
      '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d, "niet_200": %d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
      latency:percentile(99), e.connect, e.read, e.write, e.timeout, e.status, niet_200_totaal))
end
