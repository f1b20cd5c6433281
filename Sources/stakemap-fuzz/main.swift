// libFuzzer's entry point for the checks in StakeMapFuzzing, built only by
// Scripts/fuzzing/run-fuzzers.sh with `-sanitize=fuzzer -DSTAKEMAP_FUZZING`:
//
//   STAKEMAP_FUZZ_TARGET=yaml .build-fuzz/release/stakemap-fuzz CORPUS -max_total_time=60
//
// An ordinary `swift build` compiles the stub at the bottom instead.
#if STAKEMAP_FUZZING
  import CLibFuzzer
  import StakeMapFuzzing

  #if canImport(Glibc)
    import Glibc
  #elseif canImport(Musl)
    import Musl
  #endif

  nonisolated(unsafe) var selectedTarget: FuzzTarget = .yaml

  @_cdecl("LLVMFuzzerTestOneInput")
  public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = count > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: count)) : []
    selectedTarget.check(bytes)
    return 0
  }

  // SwiftPM links an executable with `main` aliased to `stakemap_fuzz_main` and this file is
  // parsed as a library (no top-level code), so the entry point is defined here.
  @_cdecl("stakemap_fuzz_main")
  public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    guard let name = getenv("STAKEMAP_FUZZ_TARGET").map({ String(cString: $0) }),
      let target = FuzzTarget(rawValue: name)
    else {
      let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
      let message = "set STAKEMAP_FUZZ_TARGET to one of \(names)\n"
      _ = message.withCString { write(2, $0, strlen($0)) }
      return 2
    }
    selectedTarget = target
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in
      fuzzOneInput(data, size)
    }
  }
#else
  // A declaration, not an expression: this file is parsed as a library in fuzz builds.
  let notice: Void = print("stakemap-fuzz: build and run it with Scripts/fuzzing/run-fuzzers.sh")
#endif
