// Preloaded (`node --import`) into every CLI process the tests start. It sets the process's wall clock to the
// simulator's: ACRONIS_TEST_CLOCK is the simulator's time read just before the start, and from then on both
// clocks tick together. So "the last full month" and "is this period in the future" are decided on the same clock
// as the simulator decides them, whatever day or hour the tests run. Timers and performance.now() are untouched.
const at = process.env.ACRONIS_TEST_CLOCK;

if (at) {
  const RealDate = Date;
  const offset = RealDate.parse(at) - RealDate.now();
  if (Number.isNaN(offset)) throw new Error(`ACRONIS_TEST_CLOCK is not an ISO instant: ${at}`);
  const now = () => RealDate.now() + offset;

  function SimulatorDate(...args) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : new RealDate(...args);
  }
  // Same prototype: `instanceof Date`, methods and toString stay the real ones.
  SimulatorDate.prototype = RealDate.prototype;
  SimulatorDate.now = now;
  SimulatorDate.parse = RealDate.parse;
  SimulatorDate.UTC = RealDate.UTC;
  globalThis.Date = SimulatorDate;
}
