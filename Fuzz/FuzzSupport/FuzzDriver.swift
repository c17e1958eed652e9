import Foundation

// swift-format-ignore: AlwaysUseLowerCamelCase
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Hands the process to libFuzzer with `test` as the function under test (libFuzzer's
/// `LLVMFuzzerRunDriver`: the fuzz targets keep the `main` SwiftPM gives every executable). Command-line
/// options are libFuzzer's (-max_total_time, corpus folders, ...).
public func runFuzzer(_ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    var argc = CommandLine.argc
    var argv = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, test))
}

/// The bytes libFuzzer passes, as Data.
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ count: Int) -> Data {
    guard let data, count > 0 else { return Data() }
    return Data(bytes: data, count: count)
}
