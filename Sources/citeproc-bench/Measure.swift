import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Wall-clock timing and memory figures.
enum Measure {
  /// Seconds taken by `body`.
  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let elapsed = clock.now - start
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }

  /// The median of `runs` timings of `body`.
  static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<max(runs, 1) { times.append(try seconds(body)) }
    return median(times)
  }

  static func median(_ values: [Double]) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  /// This process's peak resident set size in bytes.
  static func peakResidentBytes() -> Int {
    var usage = rusage()
    #if canImport(Glibc)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    #if canImport(Darwin)
      return Int(usage.ru_maxrss)
    #else
      return Int(usage.ru_maxrss) * 1024
    #endif
  }

  /// Runs a program under `/usr/bin/time` for its peak resident set size: on Linux a child spawned
  /// directly from this process reports at least this process's own peak. Returns the wall time
  /// measured here (which includes the extra process), the peak in bytes and the exit status.
  static func runMeasuringMemory(_ arguments: [String], scratch: String) -> (
    seconds: Double, cpuSeconds: Double, peakBytes: Int, status: Int32
  )? {
    let report = scratch + "/time-report.txt"
    guard let run = run(["/usr/bin/time", "-f", "%M %U %S", "-o", report] + arguments),
      let text = try? String(contentsOfFile: report, encoding: .utf8),
      let line = text.split(whereSeparator: \.isNewline).last
    else { return nil }
    let fields = line.split(separator: " ")
    guard fields.count == 3, let kilobytes = Int(fields[0]), let user = Double(fields[1]),
      let system = Double(fields[2])
    else { return nil }
    return (run.seconds, user + system, kilobytes * 1024, run.status)
  }

  /// Runs a program with its standard output sent to /dev/null; returns its wall time, peak
  /// resident set size in bytes (see ``runMeasuringMemory(_:scratch:)``) and exit status, or nil when
  /// it could not be started.
  static func run(_ arguments: [String]) -> (seconds: Double, peakBytes: Int, status: Int32)? {
    guard let program = arguments.first else { return nil }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    var cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    cArguments.append(nil)
    defer { for pointer in cArguments { free(pointer) } }
    let clock = ContinuousClock()
    let start = clock.now
    var pid: pid_t = 0
    guard posix_spawn(&pid, program, &actions, nil, cArguments, environ) == 0 else { return nil }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { return nil }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    #if canImport(Darwin)
      let peak = Int(usage.ru_maxrss)
    #else
      let peak = Int(usage.ru_maxrss) * 1024
    #endif
    return (seconds, peak, (status >> 8) & 0xFF)
  }
}
